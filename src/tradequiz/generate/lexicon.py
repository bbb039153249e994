"""Small word lists the heuristics rely on.

Nothing here is about a particular document: these are the function words,
attribution cues and well-known historical eras that any English policy text
of the supported shape uses.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


STOPWORDS = wordset(
    """
    a about above after again against all also although am among an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each either else even ever every few for from further had has have having he her
    here hers him his how however i if in into is it its itself just least less may me might
    more most much must my neither no nor not now of off often on once only or other others
    our ours out over own per rather same several she should since so some still such than
    that the their theirs them then there these they this those though through thus to too
    toward towards under until up upon us very via was we well were what when where whether
    which while who whom whose why will with within without would yet you your sometimes
    many
    """
)

# Words that, opening a stem, point at text the learner cannot see.
PRONOUN_OPENERS = wordset(
    """
    this these those it its they them their such he she his her here there that
    """
)
PRONOUN_PHRASES = ("the former", "the latter", "in this view", "in that view", "as such")

# Definite descriptions that stand for the document's own subject ("the relationship",
# "both nations"): a stem starting with one needs the topic named.
TOPIC_STANDINS = wordset(
    """
    relationship framework partnership arrangement alliance collaboration corridor agreement
    economies nations countries governments sides parties partners region bloc union
    """
)

# Sides of a debate: the words a document uses for those for and against.
PRO_SIDE = ("proponents", "supporters", "advocates", "defenders", "backers")
CON_SIDE = ("critics", "opponents", "skeptics", "sceptics", "detractors")
# Verbs that report what a side argues.
SPEECH_VERBS = wordset(
    """
    argue argues argued claim claims claimed contend contends maintain maintains hold holds
    assert asserts say says warn warns insist insists note notes suggest suggests push
    pushes call calls emphasize emphasizes emphasise emphasises stress stresses point points
    counter counters worry worry worries fear fears believe believes favor favors favour
    favours
    """
)
# Nouns that name a viewpoint ("a center-right viewpoint", "a practical view").
VIEW_NOUNS = (
    "perspective", "viewpoint", "view", "standpoint", "stance", "position", "lens",
    "school of thought", "camp",
)  # fmt: skip

# Well-known eras a chronology may name instead of a year: (pattern, sort year).
ERAS: tuple[tuple[str, int], ...] = (
    (r"(?:the )?(?:end of the )?Cold War", 1970),
    (r"World War II|(?:the )?Second World War|WWII", 1945),
    (r"World War I|(?:the )?First World War|WWI", 1918),
    (r"(?:the )?Great Depression", 1932),
    (r"(?:the )?Great Recession", 2008),
    (r"(?:the )?(?:global )?financial crisis of 2008", 2008),
    (r"(?:the )?Industrial Revolution", 1800),
)
ERA_VARIANTS: dict[str, tuple[str, ...]] = {
    "world war ii": ("WWII", "WW2", "World War 2", "the Second World War", "Second World War"),
    "world war i": ("WWI", "WW1", "World War 1", "the First World War", "First World War"),
}

# Head nouns grouped by the kind of thing they name, so a distractor is of the same type as
# the answer (a sector for a sector, an actor for an actor).  Stems, matched on the last word.
NOUN_CLASSES: dict[str, frozenset[str]] = {
    "actor": wordset(
        """
    consum firm worker farmer produc govern compani busi household export import policymak
    citizen communiti investor employ supplier peopl student famili resid voter taxpay
    economist expert analyst offici leader regul minist
    """
    ),
    "goods": wordset(
        """
    automobil car vehicl part electron machineri agricultur food semiconductor chip robot
    compon materi steel textil pharmaceut drug energi oil gas coal product good commod
    softwar platform servic financ equip mineral metal crop grain beef rice wine
    """
    ),
    "place": wordset(
        """
    region pacif asia europ america africa ocean sea market
    """
    ),
}

# Heads that turn a capitalised name into an institution ("Security treaty").
INSTITUTION_HEADS = wordset(
    """
    organization organisation treaty agreement accord pact alliance union council commission
    bank fund forum partnership association act framework court
    """
)

# Verbs after which a list of things begins ("include", "such as" is handled apart).
LIST_TRIGGERS = wordset(
    """
    of in on to for through from with including include includes like as by about into at
    alongside beyond despite between among toward towards across via against over under
    """
)

# Words that end a noun phrase when they follow it: relative pronouns, auxiliaries, and
# common verbs in policy prose.
PHRASE_BREAKERS = wordset(
    """
    that which who whom whose while where when whereas although because since unless is are
    was were be been being has have had do does did can could will would shall should may
    might must not to so thus yet but
    """
)

# Capitals, which stand for their governments ("Canberra responded …"): blanked, the
# country's name would fit as well.  Multi-word names are written with "_".
CAPITAL_CITIES = frozenset(
    w.replace("_", " ")
    for w in wordset(
        """
    washington beijing tokyo canberra brussels delhi new_delhi london paris berlin moscow
    ottawa seoul rome madrid lisbon brasilia brasília buenos_aires montevideo asuncion asunción
    santiago lima bogota bogotá caracas mexico_city pretoria nairobi cairo ankara tehran riyadh
    jakarta manila hanoi bangkok kuala_lumpur singapore taipei wellington islamabad dhaka
    kyiv kiev warsaw vienna bern stockholm oslo helsinki copenhagen dublin athens abuja
    """
    )
)
