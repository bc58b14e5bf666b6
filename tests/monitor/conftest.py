"""The monitoring story, run once per session through the CLI on real OFAC SDN files:
a 100,000-customer book (generated names, planted variants of listed names and the four story
customers), monitored on SDN 2021-07-07, then on 2023-12-28, with a real webhook receiver."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from clearance.cli.main import app
from clearance.sources import read_path
from tests.monitor.books import STORY, generate, listed_names, write_book
from tests.monitor.receiver import Receiver

# The story's size (100,000 by default, as the issue asks); a developer on a busy machine may
# try the same test smaller with CLEARANCE_TEST_STORY_SIZE.
BOOK_SIZE = int(os.environ.get("CLEARANCE_TEST_STORY_SIZE", "100000"))
PLANTED = max(200, BOOK_SIZE // 80)
SECRET = "story-secret"


@dataclass
class Story:
    home: Path
    book: list[dict[str, str]]
    runs: list[dict[str, Any]]
    receiver: Receiver


@pytest.fixture(scope="session")
def story(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Iterator[Story]:
    home = tmp_path_factory.mktemp("story-home")
    runner = CliRunner()
    env = {"CLEARANCE_WEBHOOK_SECRET": SECRET}

    def cli(*args: str) -> str:
        done = runner.invoke(app, ["--home", str(home), *args], env=env)
        assert done.exit_code == 0, done.output
        return done.output

    sdn = data_dir / "ofac"
    listed = listed_names(read_path(sdn / "sdn_csv_2023-12-28").entities)
    listed += listed_names(read_path(sdn / "sdn_csv_2021-07-07").entities)
    rows = generate(BOOK_SIZE - len(STORY), listed, PLANTED) + [dict(r) for r in STORY]
    book = write_book(tmp_path_factory.mktemp("story-book") / "customers.csv", rows)
    receiver = Receiver(fail=2)
    runs: list[dict[str, Any]] = []
    cli("load", str(sdn / "sdn_csv_2021-07-07"))
    cli("book", "import", str(book))
    runs.append(orjson.loads(cli("monitor", "--json", "--webhook", receiver.url)))
    cli("load", str(sdn / "sdn_csv_2023-12-28"))
    runs.append(orjson.loads(cli("monitor", "--json", "--webhook", receiver.url)))
    runs.append(orjson.loads(cli("monitor", "--json", "--webhook", receiver.url)))
    yield Story(home, rows, runs, receiver)
    receiver.close()
