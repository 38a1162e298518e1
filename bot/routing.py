"""The `/aieng <topic> [arguments]` grammar: which card a command asks for."""

from __future__ import annotations

from dataclasses import replace

from bot import refs
from bot.cards.salary import other_profession_ref
from bot.content import Library
from bot.entities import Entities, EntityIndex, Found
from bot.matching import Matcher
from bot.parsing import QUESTION_OPENERS, Query, parse
from bot.refs import Ref, SalaryQuery
from bot.text import STOPWORDS, stem
from bot.thresholds import ANSWER_THRESHOLD, SUGGEST_THRESHOLD

SUBJECT_ROLE = "ai-engineer"  # the bot's subject: plain AI engineer pay is the default table
DEFAULT_TOPICS = {"interview": "interview-process", "market": "market-demand"}
# What a command's words must name for the command to be what was meant (entity kinds), and the
# families of free answers that may stand in for it when they name none ("learning curve rating").
FITTING: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "learn": (("learn",), ("learn", "skills", "roadmap")),
    "levels": (("level",), ("level",)),
    "roadmap": (("roadmap", "role", "background"), ("roadmap",)),
    "skills": (("skill", "role"), ("skills",)),
}


# What each command's card lists, as in "the articles have no roadmap for this" (see `names_only_the_unknown`).
COMMAND_THINGS = {
    "salary": "pay figures",
    "compare": "comparison",
    "skills": "skill",
    "roadmap": "roadmap",
    "hire": "way of hiring",
    "levels": "level",
    "interview": "interview topic",
    "learn": "learning resource",
    "market": "market figures",
}


# Words that say when or how, never what: unknown to the articles, yet naming nothing they lack
# ("skills that will matter more going forward").
WHEN_OR_HOW = frozenset(
    stem(w)
    for w in "forward forwards ahead onward onwards nowadays today tonight tomorrow anymore asap overall generally "
    "mostly especially mainly".split()
)


# The family of free answer that answers a question about a thing of each kind ("do I need python").
ASKED_FAMILIES = {"skill": "skills", "learn": "learn", "hire": "hire", "role": "role", "roadmap": "roadmap"}


class CommandRouter:
    def __init__(self, library: Library, index: EntityIndex, matcher: Matcher) -> None:
        self.library = library
        self.index = index
        self.matcher = matcher
        self._plain: dict[str, Ref | None] = {}

    def route(self, query: Query) -> Ref | None:
        """The card a command names; None when its words need the free-question matcher instead."""
        command, e = query.command, query.entities
        if command == "salary":
            return self._salary(query)
        if command == "role":
            role = e.first("role")
            return refs.topic(role) if role else (refs.menu("roles") if not query.words else None)
        if command == "compare":
            levels = e.ids("level")
            if len(levels) == 2 and len(self._roles_named(query)) < 2:
                return level_comparison_ref(levels[0], levels[1])  # "compare senior vs staff ai engineer"
            return self._compare(self._roles_named(query))
        if command == "skills":
            return self._skills(e)
        if command == "roadmap":
            return self._roadmap(e)
        if command == "hire":
            hire = e.first("hire")
            return refs.topic(hire) if hire else self._best_of_kind(query, "hire") or refs.topic("hiring-overview")
        if command == "levels":
            level = e.first("level") or ("career-ladder" if "career-ladder" in self.library.entries else None)
            return refs.topic(level) if level else refs.menu("levels")
        if command == "learn":
            learn = e.first("learn")
            return refs.topic(learn) if learn else refs.menu("learn")
        default = DEFAULT_TOPICS[command or ""]
        return self._best_of_kind(query, self.library.kind_of(default)) or refs.topic(default)

    def names_only_the_unknown(self, query: Query, ref: Ref) -> bool:
        """The command gives its plain card, yet its words name something: words the articles never
        use, or another job ("roadmap kitchen renovation", "compare iphone vs pixel", "hire a
        plumber"). The plain card would pass for an answer to a question nobody asked."""
        named = {f.kind for f in query.entities.found}
        if query.command not in COMMAND_THINGS or self._plain_card(query.command) != ref or named - {"profession"}:
            return False  # what else it names ("data engineer (spark/airflow)": skills) the plain card may show
        unknown = self.matcher.unknown(self.matcher.query_terms(query.argument_text).words)
        return bool(unknown - WHEN_OR_HOW or named)

    def _plain_card(self, command: str) -> Ref | None:
        """The card a command gives when its words say nothing more (`/aieng roadmap`: the roadmaps)."""
        if command not in self._plain:
            self._plain[command] = self.route(parse(command, self.index, grammar=True))
        return self._plain[command]

    def unfit_families(self, query: Query) -> tuple[str, ...]:
        """When a command's words name nothing of its kind, the families of free answers that may
        answer instead: "learning curve rating" starts with the learn word but names no learning
        topic. Empty when the command fits its words (or has none)."""
        kinds, families = FITTING.get(query.command or "", ((), ()))
        if not kinds or all(w in STOPWORDS for w in query.words):
            return ()
        return () if any(query.entities.ids(kind) for kind in kinds) else families

    def trailing_question(self, query: Query) -> tuple[Query, tuple[str, ...]] | None:
        """When a command's words go on to ask a question about something of another kind
        ("roadmap java developer, do i need python": a skill), that question read on its own and
        the families of free answers that answer it. None when the words only qualify the command."""
        kinds, _ = FITTING.get(query.command or "", ((), ()))
        opener = next((i for i, w in enumerate(query.words) if i and w in QUESTION_OPENERS), None)
        if not kinds or opener is None:
            return None
        asked = [f.kind for f in query.entities.found if f.start > opener and f.kind not in kinds]
        families = tuple(dict.fromkeys(ASKED_FAMILIES[k] for k in asked if k in ASKED_FAMILIES))
        if not families:
            return None
        return parse(" ".join(query.words[opener:]), self.index, grammar=False), families

    def _salary(self, query: Query) -> Ref:
        if jobs := query.entities.ids("profession"):
            paid_in = self.library.other_professions[jobs[0]].paid_in  # "salary cto": the entry with its figure
            return refs.topic(paid_in) if paid_in else other_profession_ref(jobs[0])  # "salary pharmacist": say so
        wanted = salary_query(query.entities)
        if wanted.is_empty():  # "salary consulting": a pay topic, else the table by level
            return self._best_of_kind(query, "salary", ANSWER_THRESHOLD) or refs.salary(wanted)
        return refs.salary(wanted)

    def _skills(self, e: Entities) -> Ref:
        if skill := e.first("skill"):
            return refs.topic(skill)
        role = e.first("role")
        return refs.skills(role) if role and self.library.roles[role].skills else refs.topic("skills-overview")

    def _roadmap(self, e: Entities) -> Ref:
        if roadmap := e.first("roadmap") or e.first("background"):  # "roadmap java developer"
            return refs.roadmap(roadmap)
        role = e.first("role")
        track = self.library.roles[role].roadmap if role else None
        return refs.roadmap(track) if track else refs.menu("roadmaps")

    def _compare(self, roles: list[str]) -> Ref:
        if len(roles) == 1 and roles[0] != SUBJECT_ROLE:
            roles = [*roles, SUBJECT_ROLE]
        return comparison_ref(self.library, roles[0], roles[1]) if len(roles) >= 2 else refs.menu("compare")

    def _best_of_kind(self, query: Query, kind: str, min_score: float = SUGGEST_THRESHOLD) -> Ref | None:
        if not query.words:
            return None
        ids_of_kind = [t.id for t in self.library.of_kind(kind)]
        ranked = self.matcher.rank(self.matcher.query_terms(query.argument_text), ids_of_kind)
        return refs.topic(ranked[0].topic_id) if ranked and ranked[0].score >= min_score else None

    def _roles_named(self, query: Query) -> list[str]:
        """Roles in a command's words, reading a bare "ml" or "ai" as that kind of engineer."""
        found = list(query.entities.found)
        covered = query.entities.covered()
        for i, word in enumerate(query.words):
            role = None if i in covered else self.index.engineer_role(word)
            if role:
                found.append(Found("role", role, i, 1, True))
        found.sort(key=lambda f: f.start)
        return list(dict.fromkeys(f.id for f in found if f.kind == "role"))


def comparison_ref(library: Library, left: str, right: str) -> Ref:
    """The curated comparison of two roles, or the two role cards side by side."""
    curated = library.comparing((left, right))
    return refs.topic(curated) if curated else refs.compared((left, right))


def level_comparison_ref(left: str, right: str) -> Ref:
    return refs.compared((left, right))


def salary_query(e: Entities) -> SalaryQuery:
    """The salary dimensions a query names. Words naming both a specialization and a role
    ("computer vision") are the specialization here; plain AI engineer pay is the default."""
    special_spans = {f.start for f in e.found if f.kind == "specialization"}
    # Who is asking is not whose pay is asked when the question names a level ("data scientist here,
    # what does a senior AI engineer earn?").
    askers = e.askers if e.ids("level") else []
    roles = tuple(
        dict.fromkeys(f.id for f in e.found if f.kind == "role" and f.start not in special_spans and f not in askers)
    )
    # AI engineers beside another role are one side of a comparison ("ML engineers vs AI engineers");
    # alone, theirs is the default table.
    roles = roles if set(roles) - {SUBJECT_ROLE} else ()
    wanted = SalaryQuery(
        levels=tuple(e.ids("level")),
        locations=tuple(e.ids("location")),
        specializations=tuple(e.ids("specialization")),
        company_types=tuple(e.ids("company_type")),
        roles=roles,
    )
    # What the figures measure orders a table cut to something; alone it asks for no table of its own.
    return replace(wanted, measures=tuple(e.ids("measure"))) if not wanted.is_empty() else wanted
