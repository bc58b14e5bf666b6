"""OFAC's published labels and what they mean in the shared model.

The same labels appear as remark prefixes in the legacy CSV (``Tax ID No. 7707083893
(Russia)``) and as feature / identity-document types in the enhanced XML, so both readers use
these tables.
"""

from __future__ import annotations

from clearance.model import IdType, Schema

# Identifier labels -> type. ``None``: depends on the schema (national ID for a person,
# registration number for anything else).
ID_LABELS: dict[str, IdType | None] = {
    # passports and travel documents
    "Passport": IdType.PASSPORT,
    "Diplomatic Passport": IdType.PASSPORT,
    "British National Overseas Passport": IdType.PASSPORT,
    "Stateless Person Passport": IdType.PASSPORT,
    "Travel Document Number": IdType.PASSPORT,
    # personal identity numbers
    "National ID No.": IdType.NATIONAL_ID,
    "Cedula No.": IdType.NATIONAL_ID,
    "C.U.R.P.": IdType.NATIONAL_ID,
    "D.N.I.": IdType.NATIONAL_ID,
    "SSN": IdType.NATIONAL_ID,
    "Personal ID Card": IdType.NATIONAL_ID,
    "Bosnian Personal ID No.": IdType.NATIONAL_ID,
    "Kenyan ID No.": IdType.NATIONAL_ID,
    "Moroccan Personal ID No.": IdType.NATIONAL_ID,
    "Turkish Identification Number": IdType.NATIONAL_ID,
    "CNP (Personal Numerical Code)": IdType.NATIONAL_ID,
    "Tazkira National ID Card": IdType.NATIONAL_ID,
    "Numero de Identidad": IdType.NATIONAL_ID,
    "Citizen's Card Number": IdType.NATIONAL_ID,
    "UAE Identification": IdType.NATIONAL_ID,
    "National Foreign ID Number": IdType.NATIONAL_ID,
    "Credencial electoral": IdType.NATIONAL_ID,
    "Electoral Registry No.": IdType.NATIONAL_ID,
    "I.F.E.": IdType.NATIONAL_ID,
    "LE Number": IdType.NATIONAL_ID,
    "N.I.E.": IdType.NATIONAL_ID,
    "C.I.N.": IdType.NATIONAL_ID,
    "Identification Number": None,
    "Registration ID": None,
    "Personal ID": None,
    # tax numbers
    "Tax ID No.": IdType.TAX_ID,
    "RFC": IdType.TAX_ID,
    "R.F.C.": IdType.TAX_ID,
    "NIT #": IdType.TAX_ID,
    "RUC #": IdType.TAX_ID,
    "RIF #": IdType.TAX_ID,
    "V.A.T. Number": IdType.TAX_ID,
    "C.U.I.T.": IdType.TAX_ID,
    "C.U.I.": IdType.TAX_ID,
    "C.I.F.": IdType.TAX_ID,
    "N.I.F.": IdType.TAX_ID,
    "US FEIN": IdType.TAX_ID,
    "Italian Fiscal Code": IdType.TAX_ID,
    "Fiscal Code": IdType.TAX_ID,
    "Paraguayan tax identification number": IdType.TAX_ID,
    "Romanian Tax Registration": IdType.TAX_ID,
    "Numero Unico de Identificacao Tributaria (NUIT)": IdType.TAX_ID,
    "RTN": IdType.TAX_ID,
    "RSIN": IdType.TAX_ID,
    # company and other registrations
    "Registration Number": IdType.REGISTRATION_NUMBER,
    "Company Number": IdType.REGISTRATION_NUMBER,
    "UK Company Number": IdType.REGISTRATION_NUMBER,
    "Business Registration Number": IdType.REGISTRATION_NUMBER,
    "Business Registration Document #": IdType.REGISTRATION_NUMBER,
    "Business Number": IdType.REGISTRATION_NUMBER,
    "Trade License No.": IdType.REGISTRATION_NUMBER,
    "Commercial Registry Number": IdType.REGISTRATION_NUMBER,
    "Government Gazette Number": IdType.REGISTRATION_NUMBER,
    "C.R. No.": IdType.REGISTRATION_NUMBER,
    "Romanian C.R.": IdType.REGISTRATION_NUMBER,
    "Chamber of Commerce Number": IdType.REGISTRATION_NUMBER,
    "Certificate of Incorporation Number": IdType.REGISTRATION_NUMBER,
    "Enterprise Number": IdType.REGISTRATION_NUMBER,
    "Folio Mercantil No.": IdType.REGISTRATION_NUMBER,
    "Matricula Mercantil No": IdType.REGISTRATION_NUMBER,
    "Istanbul Chamber of Comm. No.": IdType.REGISTRATION_NUMBER,
    "Dubai Chamber of Commerce Membership No.": IdType.REGISTRATION_NUMBER,
    "Registration Certificate Number (Dubai)": IdType.REGISTRATION_NUMBER,
    "Central Registration System Number": IdType.REGISTRATION_NUMBER,
    "Economic Register Number (CBLS)": IdType.REGISTRATION_NUMBER,
    "Public Registration Number": IdType.REGISTRATION_NUMBER,
    "Unified Social Credit Code (USCC)": IdType.REGISTRATION_NUMBER,
    "United Social Credit Code Certificate (USCCC)": IdType.REGISTRATION_NUMBER,
    "Russian State Individual Business Registration Number Pattern (OGRNIP)": (
        IdType.REGISTRATION_NUMBER
    ),
    "Organization Code": IdType.REGISTRATION_NUMBER,
    "Branch Unit Number": IdType.REGISTRATION_NUMBER,
    "Registered Charity No.": IdType.REGISTRATION_NUMBER,
    "MSB Registration Number": IdType.REGISTRATION_NUMBER,
    "D-U-N-S Number": IdType.REGISTRATION_NUMBER,
    "Global Intermediary Identification Number": IdType.REGISTRATION_NUMBER,
    "File Number": IdType.REGISTRATION_NUMBER,
    "License": IdType.REGISTRATION_NUMBER,
    "Permit Number": IdType.REGISTRATION_NUMBER,
    "Tourism License No.": IdType.REGISTRATION_NUMBER,
    "SRE Permit No.": IdType.REGISTRATION_NUMBER,
    "Afghan Money Service Provider License Number": IdType.REGISTRATION_NUMBER,
    "Legal Entity Number": IdType.LEI,
    # contact and financial
    "SWIFT/BIC": IdType.SWIFT_BIC,
    "Email Address": IdType.EMAIL,
    "Website": IdType.WEBSITE,
    "Phone Number": IdType.PHONE,
    "Phone": IdType.PHONE,
    "Email": IdType.EMAIL,
    "Telephone": IdType.PHONE,
    "Telephone Number": IdType.PHONE,
    "Fax": IdType.PHONE,
    "Fax Number": IdType.PHONE,
    # vessels and aircraft
    "MMSI": IdType.MMSI,
    "Vessel Call Sign": IdType.CALL_SIGN,
    "Other Vessel Call Sign": IdType.CALL_SIGN,
    "Aircraft Manufacturer's Serial Number (MSN)": IdType.AIRCRAFT_SERIAL,
    "Aircraft Construction Number (also called L/N or S/N or F/N)": IdType.AIRCRAFT_SERIAL,
    "Aircraft Serial Identification": IdType.AIRCRAFT_SERIAL,
    "Aircraft Tail Number": IdType.AIRCRAFT_TAIL,
    "Previous Aircraft Tail Number": IdType.AIRCRAFT_TAIL,
    # published but of no standard type: kept with their label
    "Driver's License No.": IdType.OTHER,
    "Birth Certificate Number": IdType.OTHER,
    "Seafarer's Identification Document": IdType.OTHER,
    "Military Registration Number": IdType.OTHER,
    "Cartilla de Servicio Militar Nacional": IdType.OTHER,
    "Residency Number": IdType.OTHER,
    "Immigration No.": IdType.OTHER,
    "Public Security and Immigration No.": IdType.OTHER,
    "VisaNumberID": IdType.OTHER,
    "Pilot License Number": IdType.OTHER,
    "C.U.I.P.": IdType.OTHER,
    "Refugee ID Card": IdType.OTHER,
    "Stateless Person ID Card": IdType.OTHER,
    "Romanian Permanent Resident": IdType.OTHER,
    "Serial No.": IdType.OTHER,
    "Trademark number": IdType.OTHER,
    "Chinese Commercial Code": IdType.OTHER,
    "BIK (RU)": IdType.OTHER,
    "ISIN": IdType.OTHER,
    "Equity Ticker": IdType.OTHER,
    "Aircraft Mode S Transponder Code": IdType.OTHER,
    "UN/LOCODE": IdType.OTHER,
    "MICEX Code": IdType.OTHER,
}

# Statements kept verbatim in ``Entity.notes`` (prefix match, "alt. " removed).
NOTE_LABELS: tuple[str, ...] = (
    "Secondary sanctions risk",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions",
    "Additional Sanctions Information",
    "Effective Date",
    "Listing Date",
    "Executive Order",
    "IFCA Determination",
    "For more information",
    "CAATSA Section 235 Information",
    "PEESA Information",
    "Organization Type",
    "Target Type",
    "Purchase/Sales For Divestment Date",
    "Issuer Name",
    "Former Vessel Flag",
    "Other Vessel Flag",
    "Other Vessel Type",
    "All offices worldwide",
    "and all other offices worldwide",
    "All Branches Worldwide",
    "ICTY indictee",
    "arrested",
    "currently",
    "ethnicity",
    "Tribe",
    "Sanctions Type",
    "Legal Authority",
)

# ISO 15924 codes of the enhanced XML's script names (Latin is the default: no code).
SCRIPTS: dict[str, str | None] = {
    "Latin": None,
    "Arabic": "Arab",
    "Armenian": "Armn",
    "Chinese Simplified": "Hans",
    "Chinese Traditional": "Hant",
    "Cyrillic": "Cyrl",
    "Georgian": "Geor",
    "Greek": "Grek",
    "Hangul": "Hang",
    "Hebrew": "Hebr",
    "Japanese": "Jpan",
    "Korean": "Kore",
}

SDN_TYPES: dict[str, Schema] = {
    "individual": Schema.PERSON,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
    "entity": Schema.ORGANIZATION,
}


def id_type(label: str, schema: Schema) -> IdType:
    """The identifier type of a published label (``OTHER`` when unknown)."""
    kind = ID_LABELS.get(label, IdType.OTHER)
    if kind is None:
        return IdType.NATIONAL_ID if schema is Schema.PERSON else IdType.REGISTRATION_NUMBER
    return kind
