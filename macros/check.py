"""'Check what applies to you': load, validate and walk the question tree (data/check.yml).

Pure functions: they take text, dicts and paths and return values or raise GuideError,
so tests can call them without MkDocs. The pages are written by macros/check_pages.py.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from .errors import GuideError
from .facts import _schema_fix_hint, line_of, parse_yaml
from .i18n import Catalog, placeholders
from .pages import front_matter

ROOT = Path(__file__).resolve().parent.parent
CHECK_PATH = ROOT / "data" / "check.yml"
SCHEMA_PATH = ROOT / "data" / "check.schema.json"
CONTENT = ROOT / "content" / "check"


@dataclass(frozen=True)
class Check:
    """The parsed tree: nodes by id, and where each is written (for error messages)."""

    data: dict
    text: str
    filename: str

    @property
    def start(self) -> str:
        return self.data["start"]

    @property
    def questions(self) -> dict[str, dict]:
        return {q["id"]: q for q in self.data["questions"]}

    @property
    def results(self) -> dict[str, dict]:
        return {r["id"]: r for r in self.data["results"]}

    def where(self, path: list[str | int]) -> str:
        line = line_of(self.text, path)
        return f"{self.filename}:{line}" if line else self.filename

    def where_node(self, node_id: str, *rest: str | int) -> str:
        for section in ("questions", "results"):
            for index, node in enumerate(self.data[section]):
                if node["id"] == node_id:
                    return self.where([section, index, *rest])
        return self.filename


def asks(question: dict) -> str:
    """The question a node asks: the key of its words in the .po files."""
    return question.get("asks") or question["id"]


@dataclass(frozen=True)
class Step:
    """One answer given on a path: the question node and the answer's id."""

    question: str
    answer: str


@dataclass(frozen=True)
class CheckPath:
    """A page of the check: the answers given so far, and the node they lead to."""

    steps: tuple[Step, ...]
    node: str

    @property
    def address(self) -> str:
        """The page's folder under check/, from the answers: `asylum/adult/wi2021` ('' for the first)."""
        return "/".join(step.answer for step in self.steps)


# --- Loading and the schema -----------------------------------------------------------


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def parse_check(text: str, filename: str) -> Check:
    """Parse and validate against data/check.schema.json; errors name the line."""
    data = parse_yaml(text, filename)
    validator = jsonschema.Draft202012Validator(load_schema())
    errors = list(validator.iter_errors(data))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        path = list(error.absolute_path)
        line = line_of(text, path)
        dotted = ".".join(str(part) for part in path) or "(top level)"
        fix = _schema_fix_hint(error)
        if error.validator == "pattern" and path and path[-1] in ("id", "next", "start", "asks"):
            fix = "write ids in lower case with hyphens, for example age-asylum (they become web addresses)."
        elif error.validator == "required":
            fix = "add the missing field; see the explanation at the top of data/check.yml."
        raise GuideError(f"{filename}:{line}" if line else filename, f"`{dotted}` is wrong: {error.message}.", fix)
    return Check(data, text, filename)


def load_check(path: Path = CHECK_PATH) -> Check:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideError(str(path), "the questions file of the check does not exist.", "restore it from git.") from None
    return parse_check(text, _shown(path))


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


# --- The tree -------------------------------------------------------------------------


def check_tree(check: Check) -> None:
    """The tree is sound: ids unique, every `next:` exists, every question can be answered,
    nodes that ask the same question offer the same answers, no loops, nothing unreachable,
    no empty result. Each mistake raises GuideError naming the line in data/check.yml."""
    _check_ids(check)
    _check_answers(check)
    _check_next(check)
    _check_no_cycles(check)
    _check_reachable(check)
    for index, result in enumerate(check.data["results"]):
        if not result["blocks"]:
            raise GuideError(
                check.where(["results", index, "blocks"]),
                f"the result `{result['id']}` shows nothing: its `blocks:` list is empty.",
                "list the content blocks it shows, for example blocks: [law-wi2021, pays-asylum] "
                "(files in content/check/<language>/).",
            )


def _check_ids(check: Check) -> None:
    seen: dict[str, str] = {}
    for section in ("questions", "results"):
        for index, node in enumerate(check.data[section]):
            if node["id"] in seen:
                raise GuideError(
                    check.where([section, index, "id"]),
                    f"the id `{node['id']}` is used twice (also by a {seen[node['id']]}).",
                    "give every question and every result its own id; `next:` must name exactly one.",
                )
            seen[node["id"]] = section[:-1]


def _check_answers(check: Check) -> None:
    first_of: dict[str, tuple[str, list[str]]] = {}
    for index, question in enumerate(check.data["questions"]):
        ids = [answer["id"] for answer in question["answers"]]
        if len(ids) < 2:
            raise GuideError(
                check.where(["questions", index, "answers"]),
                f"the question `{question['id']}` has {'one answer' if ids else 'no answers'}: "
                "a reader who reaches it cannot choose.",
                "give it at least two answers, or let the answer before it lead straight to the next node.",
            )
        for number, answer in enumerate(ids):
            if answer in ids[:number]:
                raise GuideError(
                    check.where(["questions", index, "answers", number, "id"]),
                    f"the question `{question['id']}` has the answer `{answer}` twice.",
                    "give each answer of a question its own id (it becomes part of the page's address).",
                )
        other = first_of.setdefault(asks(question), (question["id"], ids))
        if other[1] != ids:
            raise GuideError(
                check.where(["questions", index, "answers"]),
                f"`{question['id']}` asks `{asks(question)}` like `{other[0]}`, but offers other answers "
                f"({', '.join(ids)} instead of {', '.join(other[1])}).",
                f"give it the same answers in the same order as `{other[0]}` (their words are shared), "
                "or let it ask its own question.",
            )


def _check_next(check: Check) -> None:
    known = set(check.questions) | set(check.results)
    targets = [(["start"], check.start)] + [
        (["questions", qi, "answers", ai, "next"], answer["next"])
        for qi, question in enumerate(check.data["questions"])
        for ai, answer in enumerate(question["answers"])
    ]
    for path, target in targets:
        if target not in known:
            nearest = difflib.get_close_matches(target, known, n=2, cutoff=0.5)
            hint = f"did you mean {' or '.join(f'`{n}`' for n in nearest)}?" if nearest else "no id is close to it."
            raise GuideError(
                check.where(path),
                f"`{target}` is neither a question nor a result ({hint})",
                "name the id of a question or of a result in data/check.yml, or add it.",
            )
    if check.start not in check.questions:
        raise GuideError(check.where(["start"]), f"`start` names the result `{check.start}`.",
                         "start with a question: name the id of the first question.")


def _check_no_cycles(check: Check) -> None:
    questions = check.questions
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            loop = [*trail[trail.index(node):], node]
            raise GuideError(
                check.where_node(trail[-1], "answers"),
                f"the answers go round in a loop: {' → '.join(loop)}; a reader never reaches a result.",
                f"let an answer of `{trail[-1]}` lead to a later question or to a result.",
            )
        if node in done or node not in questions:
            return
        for answer in questions[node]["answers"]:
            visit(answer["next"], [*trail, node])
        done.add(node)

    visit(check.start, [])
    for node in questions:
        visit(node, [])


def _check_reachable(check: Check) -> None:
    reached = {path.node for path in walk(check)}
    for section in ("questions", "results"):
        for index, node in enumerate(check.data[section]):
            if node["id"] not in reached:
                raise GuideError(
                    check.where([section, index, "id"]),
                    f"no answer leads to the {section[:-1]} `{node['id']}`: readers can never see it.",
                    "name it in the `next:` of an answer, or remove it.",
                )


def walk(check: Check) -> list[CheckPath]:
    """Every page of the check, in reading order: each path of answers from the first question.

    A node that several answers lead to gets one page per path, so each page's address
    holds the answers given so far (shareable, and "Change your answers" can go back).
    Call check_tree first: a loop would never end.
    """
    questions = check.questions
    pages: list[CheckPath] = []

    def visit(node: str, steps: tuple[Step, ...]) -> None:
        pages.append(CheckPath(steps, node))
        if node in questions:
            for answer in questions[node]["answers"]:
                visit(answer["next"], (*steps, Step(node, answer["id"])))

    visit(check.start, ())
    return pages


def resolve(check: Check, answers: list[str]) -> str:
    """The node that a list of answer ids leads to, from the first question."""
    node = check.start
    for answer in answers:
        question = check.questions.get(node)
        if question is None:
            raise ValueError(f"{node} is a result; the answer {answer} is one too many")
        options = {a["id"]: a["next"] for a in question["answers"]}
        if answer not in options:
            raise ValueError(f"{node} has no answer {answer} (it has {', '.join(options)})")
        node = options[answer]
    return node


# --- Links to the rest of the project: pages, facts, blocks, words -----------------------


def block_path(content: Path, language: str, block: str) -> Path:
    return content / language / f"{block}.md"


def check_references(
    check: Check, facts: dict, docs: Path, content: Path, languages: list[str], source: Catalog
) -> None:
    """Every result names a page that exists, a rule fact, and blocks that exist in every language
    with the same `rules:`; every question, answer and result has its words in the English .po."""
    for index, result in enumerate(check.data["results"]):
        page = result["next_step"].split("#")[0]
        if not (docs / languages[0] / page).exists():
            raise GuideError(
                check.where(["results", index, "next_step"]),
                f"the result `{result['id']}` sends readers to {page}, which is not a page in {docs / languages[0]}.",
                "name a page path inside the language folder, for example steps/intake.md.",
            )
        deadline = result["deadline"]
        if deadline is not None and facts["facts"].get(deadline, {}).get("unit") != "rule":
            raise GuideError(
                check.where(["results", index, "deadline"]),
                f"`deadline: {deadline}` is not a rule fact in data/facts.yml.",
                "name the rule that says when the time starts (term_start_wi2021 or term_start_wi2013), or null.",
            )
        for number, block in enumerate(result["blocks"]):
            block_rules(content, languages, block, facts, check.where(["results", index, "blocks", number]))
    for index, question in enumerate(check.data["questions"]):
        keys = [f"check.q.{asks(question)}"] + [f"check.a.{asks(question)}.{a['id']}" for a in question["answers"]]
        for key in keys:
            _needs_message(source, key, check.where(["questions", index, "id"]), facts)
    for index, result in enumerate(check.data["results"]):
        _needs_message(source, f"check.r.{result['id']}", check.where(["results", index, "id"]), facts)


def _needs_message(source: Catalog, key: str, where: str, facts: dict) -> None:
    entry = source.get(key)
    if entry is None:
        raise GuideError(
            where,
            f'the words of this node are missing: no msgid "{key}" in translations/en.po.',
            f'add msgid "{key}" with its English words to translations/en.po, and translate it in every other .po.',
        )
    for name in sorted(placeholders(entry.text)):
        fact = facts["facts"].get(name)
        if fact is None or fact["unit"] in ("rule", "url"):
            raise GuideError(
                entry.where,
                f'"{key}" has the placeholder {{{name}}}, which is not a fact with a value in data/facts.yml.',
                "in the words of the check, a {placeholder} is the key of a fact, for example {obligation_min_age}.",
            )


def block_rules(content: Path, languages: list[str], block: str, facts: dict, where: str) -> list[str]:
    """The `rules:` of a block (the same in every language); the block must exist and say something."""
    wanted: list[str] | None = None
    for language in languages:
        path = block_path(content, language, block)
        if not path.exists():
            raise GuideError(
                where,
                f"the block `{block}` has no file {_shown(path)}.",
                f"write {_shown(path)} (Markdown with macros, like a page), or fix the block's name.",
            )
        text = path.read_text(encoding="utf-8")
        if not block_body(text).strip():
            raise GuideError(f"{_shown(path)}:1", f"the block `{block}` is empty.", "write its text, or remove it.")
        rules = sorted(front_matter(text).get("rules") or [])
        for key in rules:
            if facts["facts"].get(key, {}).get("unit") != "rule":
                raise GuideError(
                    f"{_shown(path)}:2",
                    f"`rules:` names `{key}`, which is not a rule fact in data/facts.yml.",
                    "name a fact whose unit is rule, or remove the key from `rules:`.",
                )
        if wanted is None:
            wanted = rules
        elif rules != wanted:
            raise GuideError(
                f"{_shown(path)}:1",
                f"`rules:` is {rules or '[]'}, but the {languages[0]} block has {wanted or '[]'}.",
                f"copy the `rules:` line from {_shown(block_path(content, languages[0], block))}.",
            )
    return wanted or []


def block_body(text: str) -> str:
    """A block's Markdown without its front matter."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[text.find("\n", end + 1) + 1:]
    return text
