"""The publishing municipality's details (`local:` in data/facts.yml), as Markdown."""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[..., str]


def contact_block(local: dict, facts: dict, ui: Translate) -> str:
    """A list of the municipality's contact details; the national edition names none.

    `facts` are the facts (for the website, which is a key of a url fact).
    """
    contact = local.get("contact") or {}
    lines = []
    if local.get("municipality"):
        lines.append(f"- **{local['municipality']}**")
    else:
        lines.append(f"- {ui('contact.national_edition')}")
    if contact.get("phone"):
        number = contact["phone"]
        dial = "".join(ch for ch in number if ch.isdigit() or ch == "+")
        lines.append(f"- {ui('contact.phone')}: [{number}](tel:{dial})")
    if contact.get("email"):
        lines.append(f"- {ui('contact.email')}: [{contact['email']}](mailto:{contact['email']})")
    if contact.get("website"):
        website = facts[contact["website"]]
        lines.append(f"- {ui('contact.website')}: [{website['label']}]({website['value']})")
    return "\n".join(lines)
