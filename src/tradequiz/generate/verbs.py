"""A small English verb list, used to find where a noun phrase ends.

Without a tagger, "precision machinery, robotics, and high-end components
complement the US leadership" is split after "components" because
"complement" is a verb following a plural noun.  The list holds verbs common
in expository and policy prose; inflected forms are derived.
"""

from __future__ import annotations

_BASES = """
accelerate accept achieve act adapt add address adjust advance affect aim align allow
alter appear apply argue arise assert assess assume attract avoid balance become begin
believe benefit blame boost bring build buy call carry cause center centre change claim
coalesce collaborate combine come commit compete complement concentrate conclude connect
consider constrain contain continue contribute control coordinate cost counter cover create cut
decide decline deepen define deliver demand depend derive describe design determine develop
diminish distort divide drive drop earn ease emerge emphasize emphasise enable encourage
end enforce engage enhance ensure enter erect erode establish evolve exceed exist expand
expect explain expose extend face facilitate fail fall favor favour feed fight find focus
follow force form foster frame fuel gain generate give govern grow guarantee guide harm
help hinder hold hurt identify ignore impose improve include increase indicate influence
inform insist intensify introduce invest involve keep lead leave lend let lift limit link
lose lower maintain make manage mark matter mean meet move need note obtain offer open
operate oppose outweigh overlook owe pass pay permit persist place play point pose power
prefer prepare present preserve prevent produce promise promote propose protect prove
provide pursue push put raise reach receive recalibrate recognize recognise reduce reflect
rebuild reform reinforce reject relate rely remain remove replace report represent require resist
respond rest restrict result retain retreat return reveal rise risk root rule run
safeguard save say secure see seek sell serve set settle shape share shift show sit slow
span spend spur stand start stay stem stimulate strengthen stress suffer suggest supply
support suppress surround sustain take target tend threaten tie tighten treat trigger turn
undercut undermine underpin understand use vary view warn weaken widen win work worsen
yield abandon reverse diversify ratify relaunch exempt scrap repeal subsidize subsidise postpone
loosen compensate confront deter dismantle embrace hedge insure join negotiate punish reopen
renegotiate retaliate shield slash stabilise stabilize stockpile suspend tolerate veto waive
withdraw fear hope worry doubt suspect predict complain contend reply implement bid answer
retort rebut observe acknowledge concede study travel live visit
"""

_IRREGULAR_PAST = """
became began begun brought built bought came cut drew drawn drove driven fell fallen found gave
given grew grown held kept led left lent lost made meant met paid put ran rebuilt rose risen said
saw seen sought sold sent set shown spent stood took taken won
"""


def _inflect(base: str) -> tuple[str, str, str]:
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return third, past, ing


BASE_FORMS = frozenset(_BASES.split())
THIRD_PERSON = frozenset(_inflect(b)[0] for b in BASE_FORMS)
PAST_FORMS = frozenset(_inflect(b)[1] for b in BASE_FORMS) | frozenset(_IRREGULAR_PAST.split())
ING_FORMS = frozenset(_inflect(b)[2] for b in BASE_FORMS)
ALL_FORMS = BASE_FORMS | THIRD_PERSON | PAST_FORMS | ING_FORMS


def is_verb_form(word: str) -> bool:
    return word.lower() in ALL_FORMS


# Past forms back to their bases ("pursued" → "pursue"); irregular ones only when listed.
PAST_TO_BASE = {_inflect(b)[1]: b for b in BASE_FORMS}
