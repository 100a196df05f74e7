"""The municipality's contact block on the contact page: national default and a branded copy."""

from __future__ import annotations

from macros.local import contact_block

TEXTS = {"contact.national_edition": "National edition.", "contact.phone": "Phone", "contact.email": "Email",
         "contact.website": "Website", "contact.form": "Contact form", "contact.visiting_address": "Visit",
         "contact.postal_address": "Post", "contact.opening_hours": "Open", "contact.bring": "Bring",
         "contact.bring.bsn": "your BSN", "contact.team": "Team of {municipality}",
         "contact.providers": "In {municipality}", "provider.map": "MAP"}


def ui(key: str, **params) -> str:
    return TEXTS[key].format(**params)


def test_the_national_edition_names_no_municipality():
    assert contact_block({"municipality": None}, ui, "en", False) == "- National edition."


def test_a_branded_copy_shows_everything_it_was_given():
    settings = {
        "municipality": {"name": "Voorbeeld", "name_nl": "Gemeente Voorbeeld"},
        "contact": {"phone": "0255 567200", "email": "a@b.nl", "contact_form": "https://b.nl/form",
                    "visiting_address": ["Markt 1", "1234 AB Voorbeeld"],
                    "opening_hours": [{"days": ["mon"], "opens": "09:00", "closes": "12:00"}], "bring": ["bsn"]},
        "providers": {"map": {"name": "Werkplein", "url": "https://werkplein.nl/"}},
    }
    block = contact_block(settings, ui, "en", False)
    assert "<strong>Team of Voorbeeld</strong>" in block
    assert 'Phone: <a href="tel:+31255567200">0255 567200</a>' in block
    assert 'Email: <a href="mailto:a@b.nl">a@b.nl</a>' in block
    assert '<a href="https://b.nl/form">Contact form</a>' in block
    assert '<span lang="nl" dir="ltr">Markt 1<br>1234 AB Voorbeeld</span>' in block
    assert "<li>Monday: 09:00\u201312:00</li>" in block
    assert "<li>your BSN</li>" in block
    assert '<li>MAP: <a href="https://werkplein.nl/">Werkplein</a></li>' in block
    assert "Post" not in block  # no postal address given, no empty heading
