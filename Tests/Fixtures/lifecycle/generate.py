#!/usr/bin/env python3
"""Writes Tests/Fixtures/lifecycle/content: Acme's policy (en + fr) as `policysite publish`
leaves it after six versions, two of them announced ahead of their effective dates:

    version  announced   effective
    1.0      2018-04-19  2018-05-25   announced five weeks ahead
    1.1      2019-03-01  2019-03-01
    1.2      2020-01-10  2020-02-01
    2.0      2021-02-01  2021-04-01
    2.1      2026-11-02  2027-01-06   announced ahead
    2.2      2026-11-20  2027-03-01   announced ahead, after 2.1

The working texts are version 2.2's. Run it again after changing it; LifecycleTests read the result."""
import hashlib
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "content")

VERSIONS = [
    ("1.0", "2018-04-19", "2018-05-25", "First policy.", "Première politique."),
    ("1.1", "2019-03-01", "2019-03-01", "Server logs kept for 3 months.", None),
    ("1.2", "2020-01-10", "2020-02-01", "New analytics provider.", "Nouveau fournisseur de mesure d'audience."),
    ("2.0", "2021-02-01", "2021-04-01", "Rewritten policy.", None),
    ("2.1", "2026-11-02", "2027-01-06", "Support chat added.", "Ajout du chat d'assistance."),
    ("2.2", "2026-11-20", "2027-03-01", "Newsletter added.", None),
]

COMPANY = """legal_name: Acme GmbH
display_name: Acme
privacy_email: privacy@acme.example
address: [Friedrichstraße 10, "10117 Berlin, Germany"]
country: DE
"""

SITE = """title: Lifecycle fixture
base_url: https://policies.example.org/
default_language: en
"""

TEXT = {
    "en": ("Privacy Policy", "Acme sells anvils. Version {v} of this policy.", "Keeps you signed in", "the user logs out", "Hosting"),
    "fr": ("Politique de confidentialité", "Acme vend des enclumes. Version {v} de cette politique.", "Vous garde connecté", "la déconnexion de l'utilisateur", "Hébergement"),
}


def text(language, version, announced, effective):
    title, intro, purpose, until, hosting = TEXT[language]
    months = {"1.0": 6, "1.1": 3}.get(version, 3)
    return f"""---
title: {title}
version: "{version}"
effective: {effective}
last_updated: {announced}
cookies:
  - category: essential
    purpose: {purpose}
    cookies:
      - name: acme_session
        provider: Acme
        purpose: {purpose}
        duration: session
      - name: acme_login
        provider: Acme
        purpose: {purpose}
        duration:
          until: {until}
third_parties:
  - name: Hostco
    purpose: {hosting}
    processing_location: FR
    corporate_location: DE
retention:
  - data: Server logs
    period: {months} months
rights:
  items:
    - right: access
---
## Introduction {{#introduction}}

{intro.format(v=version)} See [the cookie page](cookies/) and [our logs](#retention).

## Logs {{#retention}}

We keep server logs to find faults.
"""


def sha(data):
    return hashlib.sha256(data).hexdigest()


def quoted(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    shutil.rmtree(CONTENT, ignore_errors=True)
    acme = os.path.join(CONTENT, "acme")
    os.makedirs(acme)
    with open(os.path.join(CONTENT, "site.yml"), "w") as f:
        f.write(SITE)
    company = COMPANY.encode()
    with open(os.path.join(acme, "company.yml"), "wb") as f:
        f.write(company)
    changelog = (
        "# yaml-language-server: $schema=../../schemas/changelog.schema.json\n"
        "# Written by `policysite publish`. Edit only summary, translations and changes;\n"
        "# archive_hash guards versions/<version>/ against later edits.\nentries:\n"
    )
    for version, announced, effective, summary, french in VERSIONS:
        lines = []
        for language in ["en", "fr"]:
            data = text(language, version, announced, effective).encode()
            folder = os.path.join(acme, "versions", version, language)
            os.makedirs(folder)
            with open(os.path.join(folder, "privacy.md"), "wb") as f:
                f.write(data)
            lines.append(f"{language}/privacy.md {sha(data)}\n")
            if version == VERSIONS[-1][0]:
                os.makedirs(os.path.join(acme, language), exist_ok=True)
                with open(os.path.join(acme, language, "privacy.md"), "wb") as f:
                    f.write(data)
        with open(os.path.join(acme, "versions", version, "company.yml"), "wb") as f:
            f.write(company)
        lines.append(f"company.yml {sha(company)}\n")
        changelog += f'  - version: "{version}"\n    date: {announced}\n    summary: {quoted(summary)}\n'
        if french:
            changelog += f"    translations:\n      fr: {quoted(french)}\n"
        changelog += f"    archive_hash: {sha(''.join(lines).encode())}\n"
    with open(os.path.join(acme, "changelog.yml"), "w") as f:
        f.write(changelog)


main()
