"""Helpers that several list readers share: text clean-up and country/script look-ups
(``text``), published date forms (``dates``), safe XML streaming (``safexml``) and file
sniffing for format detection (``files``)."""
