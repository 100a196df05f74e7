"""The municipality's contact block: national default and a branded copy."""

from __future__ import annotations

from macros.local import contact_block

FACTS = {"url_x": {"value": "https://www.example.org/", "label": "example.org", "unit": "url"}}


def ui(key: str, **params) -> str:
    return {"contact.national_edition": "National edition.", "contact.phone": "Phone",
            "contact.email": "Email", "contact.website": "Website"}[key]


def test_the_national_edition_names_no_municipality():
    block = contact_block({"municipality": None, "contact": {"website": "url_x"}}, FACTS, ui)
    assert block.splitlines() == ["- National edition.", "- Website: [example.org](https://www.example.org/)"]


def test_a_branded_copy_shows_name_phone_and_email_as_links():
    local = {"municipality": "Gemeente Voorbeeld", "contact": {"phone": "0255 567200", "email": "a@b.nl"}}
    block = contact_block(local, FACTS, ui)
    assert "- **Gemeente Voorbeeld**" in block
    assert "[0255 567200](tel:0255567200)" in block
    assert "[a@b.nl](mailto:a@b.nl)" in block
