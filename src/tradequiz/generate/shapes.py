"""What an option may look like: a whole noun phrase, of a type a reader can name.

A blank is filled by a noun phrase and every option must be one too, of the same shape
and the same kind of thing: sectors with sectors, policy instruments with instruments,
outcomes with outcomes.  ``np_problem`` says why a phrase is not a clean noun phrase
("modest compared", "is financed", "to projects", "their suppliers", "any country");
``semantic_class`` names the kind of thing its head noun is, from word lists of the
vocabulary economic and policy prose uses; a phrase whose head is in no list is
"abstract", and an abstract answer is not asked as multiple choice: there is no telling
which other phrases are of its type.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tradequiz.generate.lexicon import STOPWORDS, wordset
from tradequiz.generate.text import words
from tradequiz.generate.verbs import BASE_FORMS, ING_FORMS, PAST_FORMS, THIRD_PERSON

# Head nouns (singular and plural forms listed as needed; matched lower-case) by kind.
HEAD_CLASSES: dict[str, frozenset[str]] = {
    "goods": wordset(
        """
        automobile automobiles car cars vehicle vehicles part parts electronics machinery
        agriculture food foods semiconductor semiconductors chip chips robot robots robotics
        component components material materials steel textile textiles pharmaceutical
        pharmaceuticals medicine medicines drug drugs energy oil gas coal product products good
        goods commodity commodities software equipment mineral minerals metal metals crop crops
        grain grains beef pork poultry rice wine wines ore lithium timber barley lobster sugar
        ethanol chemical chemicals spirits soy soybeans hydrogen manufactures aircraft aerospace
        tourism canola avocados tomatoes berries fertiliser fertilizer cement cotton dairy fish
        seafood gold silver copper nickel iron aluminium aluminum uranium ships apparel garments
        furniture toys appliances batteries battery panels turbines earths
        """
    ),
    "sector": wordset(
        """
        sector sectors industry industries services finance manufacturing mining farming
        construction logistics shipping banking insurance retail telecommunications
        """
    ),
    "actor": wordset(
        """
        consumer consumers firm firms worker workers farmer farmers producer producers
        government governments company companies business businesses household households
        exporter exporters importer importers policymaker policymakers citizen citizens
        community communities investor investors employer employers supplier suppliers people
        student students family families resident residents voter voters taxpayer taxpayers
        economist economists expert experts analyst analysts official officials leader leaders
        regulator regulators minister ministers manufacturer manufacturers carmaker carmakers
        maker makers rancher ranchers engineer engineers bank banks utility utilities union
        unions activist activists lobby lobbies negotiator negotiators multinationals startups
        smes entrepreneurs
        """
    ),
    "place": wordset(
        """
        region regions ocean oceans sea seas island islands continent coast port ports
        city cities country countries province provinces state states corridor
        """
    ),
    "instrument": wordset(
        """
        tariff tariffs quota quotas duty duties subsidy subsidies loan loans barrier barriers
        control controls measure measures rule rules standard standards regulation regulations
        agreement agreements treaty treaties sanction sanctions ban bans tax taxes levy levies
        fund funds grant grants swap swaps mechanism mechanisms tool tools procedure procedures
        licence licences license licenses screening review reviews law laws provision
        provisions commitment commitments discipline disciplines incentive incentives safeguard
        safeguards protection protections policy policies schedule schedules dividend dividends
        credit credits permit permits cap caps floor floors ceiling ceilings exemption
        exemptions approval approvals certification requirements requirement rebates guarantees
        """
    ),
    "outcome": wordset(
        """
        stability security growth prosperity competitiveness productivity innovation
        efficiency welfare employment leadership wage wages price prices investment jobs job
        choice choices cost costs risk risks gain gains income incomes output exports imports
        revenue revenues profits profit deficit deficits surplus surpluses unemployment
        inflation demand supply access participation interests emissions
        """
    ),
    "value": wordset(
        """
        reciprocity resiliency resilience transparency openness predictability reliability
        fairness sustainability autonomy accountability certainty flexibility integrity
        sovereignty independence trust
        """
    ),
    "system": wordset("order system regime regimes market markets economy economies field"),
    "governance": wordset(
        """
        framework frameworks architecture governance administration alliance alliances
        institutions institution
        """
    ),
    "infrastructure": wordset(
        """
        chains chain networks corridors ports routes links hubs pipelines railways roads
        highways grids metro
        """
    ),
    "trade": wordset("trade commerce"),
    "activity": wordset(
        """
        collaboration cooperation exchange coordination research training reallocation sourcing
        engineering negotiations negotiation integration liberalization liberalisation reform
        reforms diplomacy dialogue monitoring investment enforcement convergence alignment
        recognition transition adjustment diversification processing assembly initiatives
        initiative responses response partnerships projects
        """
    ),
    "digital": wordset(
        """
        technology technologies data flows platforms platform cybersecurity privacy
        networks network infrastructure internet
        """
    ),
    "macro": wordset(
        """
        movements rates rate currency currencies exchange-rate inflation policy cycles
        imbalances imbalance
        """
    ),
}
# Classes whose members are not interchangeable with anything: a period is asked apart.
# Singular heads that take an article ("a financial system", not "financial system").
COUNT_HEADS = wordset(
    """
    order system regime market economy framework architecture alliance institution
    tariff quota duty loan barrier agreement treaty sanction ban tax levy fund grant swap
    mechanism tool procedure licence license law provision commitment incentive safeguard
    schedule permit cap floor ceiling exemption car vehicle part chip robot component
    corridor port network platform project initiative partner partnership
    """
)
# Classes whose members can stand in for one another as options ("system" is too mixed: an
# order, an alliance and an administration are not alternatives to each other).
OPTION_CLASSES = frozenset(
    {"goods", "sector", "actor", "instrument", "outcome", "value", "digital", "activity",
     "infrastructure", "trade", "macro", "place", "system", "governance"}
)  # fmt: skip
# Concrete classes, where a swapped item makes a fair false statement rather than an odd one.
SWAP_CLASSES = frozenset({"goods", "sector", "actor", "instrument", "infrastructure", "trade"})
# Adjectives that look like verbs at the start of a noun phrase ("lower prices", "advanced
# manufacturing capabilities").
VERBLIKE_ADJECTIVES = wordset(
    """
    lower higher open clear free close secure better fair level advanced integrated targeted
    coordinated skilled developed developing emerging sustained increased reduced improved
    organized organised managed shared combined limited specialized specialised diversified
    processed refined liquefied finished manufactured automated regulated protected rising
    falling growing leading existing
    """
)

_LEADING_BAD = wordset(
    """
    of in on to for with from over under by at into onto about across through between among
    against within without toward towards via upon than as like
    is are was were be been being has have had do does did can could will would shall should
    may might must
    that which who whom whose while where when and or but if because although though since
    unless whereas so yet
    any each every some many several numerous both other others more most few such certain
    various all much less least
    it its they them their theirs this these those he she his her him we our you your
    not no
    """
)
_TRAILING_BAD = STOPWORDS | wordset("compared related based due according")
_PRONOUNS = wordset("it its they them their theirs he she his her him")


def head_word(phrase: str) -> str:
    """The head noun: the last word before the first preposition ("access to markets" →
    "access", "automobiles and auto parts" → "parts")."""
    core = re.split(
        r" (?:of|for|to|in|on|with|from|between|across|among|per) ", phrase, maxsplit=1
    )[0]
    ws = words(core)
    return ws[-1].lower() if ws else ""


@lru_cache(maxsize=65536)
def semantic_class(phrase: str) -> str:
    """The kind of thing a noun phrase names, or "abstract" when no list knows its head."""
    ws = words(phrase)
    if ws and ws[0].lower() in ING_FORMS:
        return "action"  # "building resilient supply chains": a gerund phrase
    head = head_word(phrase)
    hyphen_last = head.split("-")[-1]
    for cls, heads in HEAD_CLASSES.items():
        if head in heads or hyphen_last in heads:
            return cls
    return "abstract"


_VERB_STARTS = (BASE_FORMS | THIRD_PERSON | PAST_FORMS) - ING_FORMS
_NOUNS = HEAD_CLASSES["goods"] | HEAD_CLASSES["outcome"] | HEAD_CLASSES["instrument"]


_ADVERBS = frozenset(
    ["now", "also", "still", "often", "then", "already", "even", "just", "never", "always"]
)
_DETERMINERS_AFTER_VERB = frozenset(
    ["the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "those"]
)


@lru_cache(maxsize=65536)
def np_problem(phrase: str) -> str | None:
    """Why ``phrase`` is not a whole noun phrase that can stand as an option, or None."""
    ws = words(phrase)
    if not ws:
        return "empty"
    first, last = ws[0].lower(), ws[-1].lower()
    if first in _LEADING_BAD:
        return f"starts with “{ws[0]}”"
    verb_start = first in _VERB_STARTS
    if verb_start and first not in _NOUNS and not (first in VERBLIKE_ADJECTIVES and len(ws) > 1):
        return f"starts with the verb “{ws[0]}”"
    if (
        len(ws) > 1
        and ws[1].lower() in _DETERMINERS_AFTER_VERB
        and first not in {"all", "both", "half", "of", "for", "to", "in", "on", "with", "by"}
    ):
        return f"starts with a verb and its object (“{ws[0]} {ws[1]}”)"  # "implement the …"
    if (
        len(ws) > 1
        and (first in _ADVERBS or (first.endswith("ly") and len(first) > 4))
        and ws[1].lower() in _VERB_STARTS
    ):
        return f"starts with a verb (“{ws[0]} {ws[1]}”)"  # "now depend on equivalence decisions"
    if len(ws) > 1 and ws[1].lower() in {"out", "up", "off"} and first not in _NOUNS:
        return f"starts with a phrasal verb (“{ws[0]} {ws[1]}”)"  # "hand out subsidies"
    if len(ws) > 1 and first.endswith(("ed", "en")) and ws[1].lower() in {"by", "to", "with"}:
        return f"starts with the participle “{ws[0]}”"  # "underwritten by enforceable rules"
    if last in _TRAILING_BAD or (last in PAST_FORMS and len(ws) > 1):
        return f"ends with “{ws[-1]}”"
    if last.endswith("ly") and len(last) > 4:
        return f"ends with the adverb “{ws[-1]}”"
    if any(w.lower() in _PRONOUNS for w in ws):
        return "holds a pronoun"
    if re.search(r"['’]s\b", phrase):
        return "holds a possessive"
    for w in ws[1:]:
        if w.lower() in {"is", "are", "was", "were", "has", "have", "had"}:
            return "holds a verb"
    return None


def same_shape(answer: str, option: str) -> bool:
    """Both gerund phrases or both noun phrases, and of one grammatical number when the
    blank shows it (a one-word answer)."""
    a_ing = words(answer)[0].lower() in ING_FORMS if words(answer) else False
    o_ing = words(option)[0].lower() in ING_FORMS if words(option) else False
    return a_ing == o_ing


# Words that name one field of the economy: a cue from a field's family gives its sector
# away ("solar manufacturing" → Clean energy, "opportunities for farmers" → Agriculture).
SENSE_FAMILIES: tuple[frozenset[str], ...] = tuple(
    wordset(family)
    for family in (
        "energy solar wind hydrogen renewable renewables power electricity green clean oil gas "
        "coal nuclear emissions carbon",
        "agriculture agricultural farm farms farmers farming food foods crops crop producers "
        "livestock beef dairy grain",
        "automobiles automobile automotive cars car vehicles vehicle drivetrain carmakers "
        "motor motors",
        "finance financial banks banking bank insurance capital credit",
        "semiconductors semiconductor chips chip microchips",
        "pharmaceuticals pharmaceutical drugs drug medicines medicine health",
        "rail railway railways trains train shinkansen high-speed",
        "digital data software internet online platforms cyber startups technology",
        "electronics electronic devices components",
        "mining mines minerals mineral ore metals",
        "services service professional",
        "supply sourcing suppliers supplier chain chains",
    )
)


# Kinds of goods that are not drop-ins for one another: "wine" is no answer for "lithium,
# ____ and rare earths", nor "nickel" for "beef, ____, sugar".
GOODS_FAMILIES: dict[str, frozenset[str]] = {
    name: wordset(family)
    for name, family in (
        (
            "farm",
            """
            agriculture food foods crop crops grain grains beef pork poultry rice wine wines
            barley lobster sugar spirits soy soybeans canola avocados tomatoes berries dairy
            fish seafood cotton meat wheat corn maize fruit vegetables coffee tea timber
            """,
        ),
        (
            "mineral",
            """
            mineral minerals metal metals ore coal oil gas lithium gold silver copper nickel
            iron aluminium aluminum uranium earths cobalt zinc lead tin bauxite
            """,
        ),
    )
}


def goods_family(text: str) -> str:
    """ "farm", "mineral" or "" for the head word of a goods phrase."""
    ws = [w.lower() for w in re.findall(r"[\w-]+", text)]
    if not ws:
        return ""
    for name, family in GOODS_FAMILIES.items():
        if ws[-1] in family:
            return name
    return ""


def same_sense(cue: str, term: str) -> bool:
    """Whether a cue and a term belong to one field (a giveaway, not a test)."""
    cue_words = {w.lower() for w in re.findall(r"[\w-]+", cue)}
    term_words = {w.lower() for w in re.findall(r"[\w-]+", term)}
    return any(bool(cue_words & family and term_words & family) for family in SENSE_FAMILIES)
