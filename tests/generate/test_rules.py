"""The rules an independent review asked for, each checked on a document it was found on.

The India–Japan document (fixtures/india-japan-partnership.txt) was written for the review
and nobody tuned the generator to it before; each test here failed on the generator the
review marked (titles without their article, demonym blanks, fragment options, pronouns in
mid-stem, narrow typed answers, viewpoint labels set against each other, no replies found).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tradequiz.bank.model import BLANK, Question
from tradequiz.document import read_document, read_text
from tradequiz.generate import GenerationResult, generate
from tradequiz.generate.analysis import analyse
from tradequiz.generate.context import needs_article
from tradequiz.generate.references import resolve, unresolved
from tradequiz.generate.shapes import np_problem, semantic_class
from tradequiz.study.checking import typed_matches

from .conftest import FIXTURES, SOURCE

INDIA = FIXTURES / "india-japan-partnership.txt"
AUSTRALIA = FIXTURES / "australia-china-resources.md"


@pytest.fixture(scope="module")
def india() -> GenerationResult:
    return generate(read_document(INDIA), INDIA.name)


@pytest.fixture(scope="module")
def australia() -> GenerationResult:
    return generate(read_document(AUSTRALIA), AUSTRALIA.name)


def by(result: GenerationResult, prefix: str) -> list[Question]:
    return [q for q in result.bank.questions if q.generator.startswith(prefix)]


# 1. The title keeps its article.


def test_a_count_noun_title_takes_the_and_a_mass_noun_does_not() -> None:
    text = "The economic partnership between India and Japan links two economies."
    assert needs_article("India–Japan economic partnership", text)
    assert not needs_article("Japan–United States trade", "Freer trade boosts welfare.")
    assert not needs_article("Carbon pricing", "")
    assert not needs_article("India–Japan relations", "")


def test_the_title_is_never_used_without_its_article(india: GenerationResult) -> None:
    bare = re.compile(r"(?<!the )India–Japan economic partnership")
    for q in india.bank.questions:
        assert not bare.search(q.prompt), q.prompt
    assert any("the India–Japan economic partnership" in q.prompt for q in india.bank.questions)


# 3. Blanks: no demonyms, capitals, halves of names or pairs; variants accepted.


def test_no_nationality_capital_or_half_name_is_blanked(
    india: GenerationResult, australia: GenerationResult
) -> None:
    for result in (india, australia):
        for q in by(result, "cloze"):
            answer = q.answers[0]
            assert not re.fullmatch(r"[A-Z][a-z]+(?:ese|ian|ians|ish|an)", answer), q.prompt
            assert answer not in {"Canberra", "Beijing", "Tokyo", "Washington", "Andaman"}
            assert not re.search(r"['’]s\b", answer)


def test_a_name_used_in_two_forms_is_not_a_typed_blank() -> None:
    """Asia-Pacific and Indo-Pacific name one space: either answer would be right."""
    result = generate(read_document(SOURCE), SOURCE.name)
    answers = {q.answers[0] for q in by(result, "cloze")}
    assert not answers & {"Indo-Pacific", "Asia-Pacific", "Pacific"}


def test_typed_answers_accept_the_forms_people_write() -> None:
    result = generate(read_document(SOURCE), SOURCE.name)
    clozes = {q.answers[0]: q.answers for q in by(result, "cloze")}
    treaty = clozes["United States–Japan Security treaty"]
    for typed in ("US–Japan Security Treaty", "Japan–US Security Treaty", "security treaty"):
        assert typed_matches(typed, treaty), typed
    period = clozes["late 2010s and early 2020s"]
    assert typed_matches("late 2010s", period) and typed_matches("2010s and 2020s", period)
    quad = generate(
        read_text(
            "Widget trade\nWidget trade links two towns.\nAllies\n"
            "Both towns trade with the United States and Canada under one treaty each year.\n"
            "The Widget Council of the United States meets every spring in the capital.\n"
        ),
        "w.txt",
    )
    for q in by(quad, "cloze"):
        if q.answers[0] == "United States":
            assert typed_matches("US", q.answers) and typed_matches("U.S.", q.answers)


# 2. Options: whole noun phrases of one type, never also true.


@pytest.mark.parametrize(
    "fragment",
    ["modest compared", "is financed", "to projects", "any country", "their suppliers",
     "have run late", "over budget", "that the answer", "in the Andaman"],
)  # fmt: skip
def test_fragments_are_not_options(fragment: str) -> None:
    assert np_problem(fragment) is not None


def test_options_share_the_answers_type_and_shape(
    india: GenerationResult, australia: GenerationResult
) -> None:
    source = generate(read_document(SOURCE), SOURCE.name)
    for result in (source, india, australia):
        for q in by(result, "mcq.list_item") + by(result, "mcq.object"):
            classes = {semantic_class(c.text) for c in q.choices}
            assert len(classes) == 1, [c.text for c in q.choices]
            assert all(np_problem(c.text) is None for c in q.choices), q.prompt


def test_an_option_the_article_also_says_is_not_offered() -> None:
    """ "financial services" is named as a US strength elsewhere: not a wrong answer there."""
    doc = read_text(
        "Widget trade\nWidget trade links two towns.\nStrengths\n"
        "The north exports timber, copper, and financial services to the south every year.\n"
        "The south exports machinery, textiles, and rice to the north every year.\n"
        "Northern banks and financial services lead the regional market by a wide margin.\n"
        "Southern factories make machinery and precision tools for export markets abroad.\n"
    )
    for q in generate(doc, "w.txt").bank.questions:
        if q.generator == "mcq.list_item" and "north exports" in q.prompt:
            wrong = {c.text for c in q.choices if not c.correct}
            assert "machinery" not in wrong or "timber" in q.answer_text()


# 4. References anywhere in a stem.


def test_a_pronoun_in_mid_stem_is_resolved_or_rejected(india: GenerationResult) -> None:
    assert unresolved("critics call it a prestige project that serves few passengers") == "it"
    assert unresolved("Japan extended its first yen loan to India") is None
    assert unresolved("deficits widened after the agreement took effect") == "the agreement"
    assert unresolved("after the agreement took effect", topic_head="agreement") is None
    previous = "The high-speed rail project has faced delays over land purchase."
    assert resolve("Critics call it a prestige project", previous).startswith(
        "Critics call the high-speed rail project"
    )
    for q in india.bank.questions:
        if q.kind in {"cloze", "true_false", "multiple_choice", "debate", "short_answer"}:
            body = re.sub(r"“[^”]*”", "", q.prompt)
            assert not re.search(r"\b(?:call|calls) it\b|after the agreement", body), q.prompt


# 5. Opinions attributed; viewpoints not set against each other.


def test_viewpoint_labels_are_not_distractors_for_each_other() -> None:
    result = generate(read_document(SOURCE), SOURCE.name)
    holds = by(result, "debate.who_holds")
    assert holds
    for q in holds:
        labels = [c.text for c in q.choices if c.text.startswith("The article's")]
        assert len(labels) == 1, [c.text for c in q.choices]


def test_debate_statements_say_whose_claim_they_are() -> None:
    result = generate(read_document(SOURCE), SOURCE.name)
    for q in result.bank.questions:
        if q.kind == "true_false" and "zero-sum" in q.prompt:
            assert q.prompt.startswith("According to the article's policy standpoint")


# 6. Replies found however a document phrases them.


def test_replies_are_found_in_other_wordings(
    india: GenerationResult, australia: GenerationResult
) -> None:
    who = {q.answer_text() for q in by(india, "debate.who_argues")}
    assert {"Indian exporters", "Proponents", "Critics"} <= who
    cards = " ".join(q.prompt for q in by(india, "flashcard.claim"))
    assert "supporters of the current rules" in cards
    assert by(india, "debate.who_holds") and by(india, "debate.concern")
    assert any(q.answer_text() == "Business groups" for q in by(australia, "debate.who"))
    replies = by(australia, "debate.tf_reply") + by(australia, "debate.who_holds")
    assert replies


# 7. Templates capped; focused explanations.


def test_membership_statements_are_few_and_explained_by_their_own_line(
    india: GenerationResult,
) -> None:
    members = by(india, "tf.membership")
    lists = {q.section for q in members}
    assert len(members) <= 5 * len(lists)
    for q in members:
        if q.truth:
            assert q.explanation.count("\n") == 0 and len(q.explanation) < 400
        else:
            assert "It gives" in q.explanation


# 8. Feedback for wrong options.


def test_wrong_options_say_where_the_article_puts_them(india: GenerationResult) -> None:
    fed = [
        c.feedback for q in india.bank.questions for c in q.choices if not c.correct and c.feedback
    ]
    assert len(fed) >= 20
    assert any(f.startswith("Under “") or "gives" in f for f in fed)


# Fair falsehoods for bilateral articles.


def test_the_two_parties_are_swapped_only_where_the_claim_is_one_way() -> None:
    from tradequiz.generate.true_false import candidates

    swaps = [
        c.question
        for c in candidates(analyse(read_document(INDIA)))
        if c.question.generator == "tf.party_swap"
    ]
    assert swaps
    for q in swaps:
        assert q.truth is False
        assert not re.search(r"India and Japan|Japan and India", q.prompt)
    assert any("Japanese iron ore helped supply Indian steel mills" in q.prompt for q in swaps)


def test_blanks_hold_one_phrase(india: GenerationResult) -> None:
    for q in by(india, "cloze"):
        assert q.prompt.count(BLANK) == 1


def test_the_held_out_document_is_kept_apart() -> None:
    """The held-out document stays out of the fixtures the other tests iterate."""
    held_out = Path(__file__).resolve().parent / "heldout"
    assert (held_out / "mercosur-eu-agreement.txt").exists()
    assert not any(p.name.startswith("mercosur") for p in FIXTURES.iterdir())
    assert analyse(read_document(held_out / "mercosur-eu-agreement.txt")).units


# Found in the final re-sample of the India–Japan document.


def test_period_options_share_the_answers_shape(india: GenerationResult) -> None:
    for q in by(india, "mcq.period"):
        shapes = {len(re.findall(r"\d0s\b", c.text)) for c in q.choices}
        assert len(shapes) == 1, [c.text for c in q.choices]
    assert any({c.text for c in q.choices} >= {"1980s", "1960s"} for q in by(india, "mcq.period"))


def test_a_year_used_as_a_modifier_is_not_a_typed_blank(india: GenerationResult) -> None:
    for q in by(india, "cloze"):
        assert f"the {BLANK} agreement" not in q.prompt, q.prompt


def test_a_word_met_only_inside_a_longer_name_is_lowered_at_a_sentence_start(
    india: GenerationResult,
) -> None:
    ctx = analyse(read_document(INDIA)).ctx
    assert ctx.lower("Dedicated industrial parks offer land", sentence_start=True).startswith("d")
    assert ctx.starts_with_name("Delhi Metro lines")
    for q in india.bank.questions:
        assert "”, Dedicated" not in q.prompt, q.prompt


def test_an_example_list_after_including_starts_after_the_trigger() -> None:
    from tradequiz.generate.phrases import find_lists

    text = (
        "The framework complements defense and diplomatic collaboration, including joint "
        "research initiatives, defense industrial coordination, and coordinated responses."
    )
    found = [[text[s:e] for s, e in items] for items in find_lists(text)]
    assert [
        "joint research initiatives",
        "defense industrial coordination",
        "coordinated responses",
    ] in found


# Found reading the held-out Mercosur–EU document (after its sample was marked).


def test_a_pronoun_after_a_fronted_phrase_or_an_adjective_is_unresolved() -> None:
    assert unresolved("for the European Union, it is a way to diversify supplies.") == "it"
    assert unresolved("for Mercosur it promises better access for beef.") == "it"
    assert unresolved("opponents in European farm lobbies argue that it rewards deforestation.")
    assert unresolved("Japan extended its first yen loan to India.") is None
    assert unresolved("In 2011 Japan raised its rates.") is None
    previous = "The agreement would create a market of seven hundred million consumers."
    assert resolve("For the European Union, it is a way to diversify.", previous) == (
        "For the European Union, the agreement is a way to diversify."
    )


def test_a_verb_and_its_object_is_no_option() -> None:
    assert np_problem("implement the Paris Agreement")
    assert np_problem("export controls") is None
    assert np_problem("the rule of law") is None


def test_a_claim_moved_to_another_holder_agrees_with_it() -> None:
    from tradequiz.generate.debate_facts import agree, third_person

    assert third_person("answers that the quotas are small") == "answers that the quotas are small"
    assert agree("European farmers", "answers that the quotas are small").startswith("answer that")
    assert agree("the European Union", "note that the chapter").startswith("notes that")
    assert agree("Economists sympathetic to the deal", "fears that").startswith("fear that")


def test_a_party_after_its_name_and_a_preposition_stays_a_name() -> None:
    from tradequiz.generate.true_false import _party_swap

    sides = [
        {"name": ["Mercosur"], "demonym": [], "possessive": ["Mercosur's"]},
        {"name": ["European Union"], "demonym": [], "possessive": ["the European Union's"]},
    ]
    text = "Mercosur will remove duties on its imports from the European Union over ten years."
    swapped = _party_swap(text, sides)
    assert swapped == (
        "The European Union will remove duties on its imports from Mercosur over ten years."
    )


_SMALL = "\n".join(
    (
        "Mercosur–European Union agreement",
        "Talks began in 1999, a few years after Mercosur was founded by the Treaty of Asunción"
        " in 1991. A political agreement was announced in June 2019, after long delays over"
        " beef quotas. Supporters present the deal as proof that two blocs can still write rules"
        " together. The Commission's answer is that the quotas are small.",
        "Sectoral impacts",
        "Wine and spirits: European producers will pay no duty on wine and spirits, which face"
        " tariffs of up to twenty-seven percent.",
        "Critical minerals: The European Union hopes for secure supplies of lithium, nickel and"
        " rare earths, which Mercosur has promised not to tax.",
        "Agriculture: Brazilian ranchers expect larger beef, poultry and sugar exports, while"
        " Irish producers fear lower prices at home.",
        "",
    )
)


def test_rules_found_on_the_held_out_document() -> None:
    from tradequiz.generate.pipeline import GENERATORS

    an = analyse(read_text(_SMALL, "small.txt"))
    questions = [c.question for make in GENERATORS for c in make(an)]
    for q in questions:
        # a date swapped in a sentence that orders two dates gives itself away
        if q.generator == "tf.period_swap":
            assert "a few years after" not in q.prompt, q.prompt
        # the month is not the fact; the year is
        if q.kind == "cloze":
            assert f"in {BLANK} 2019" not in q.prompt, q.prompt
        # "present the deal as proof …": the object alone is no answer
        if q.generator == "flashcard.object":
            assert q.answers[0] != "The deal.", q.prompt
            assert "Commission's" not in q.prompt, q.prompt
        # no swap inside the heading's own pair ("nickel and spirits" under "Wine and spirits")
        if q.generator == "tf.item_swap":
            assert "and spirits" not in q.prompt or "wine and spirits" in q.prompt, q.prompt
        # a wine is no critical mineral
        if q.kind == "multiple_choice" and "lithium" in q.prompt:
            texts = {c.text for c in q.choices}
            assert not texts & {"wine", "beef", "sugar", "poultry"}, texts
    assert questions


def test_derived_words_of_a_term_are_masked_in_its_clue() -> None:
    from tradequiz.generate.terms import mask

    text, masks = mask("European farmers say imports will undercut them", frozenset({"farm"}))
    assert text.startswith("European … say") and masks == 1


# Found reading the held-out UK–EU document (after its sample was marked).


def test_a_what_card_never_asks_about_half_a_clause() -> None:
    from tradequiz.generate.flashcard import candidates

    text = "\n".join(
        (
            "United Kingdom–European Union trade",
            "A transition period kept the old rules in place until the end of that year."
            " Economists broadly agree that leaving has reduced trade in goods."
            " Carmakers avoided tariffs because most of their vehicles meet the origin rules.",
            "",
        )
    )
    for c in candidates(analyse(read_text(text, "t.txt"))):
        q = c.question
        if q.generator == "flashcard.what":
            assert not re.search(r"\b(kept|agree|because)\b", q.answers[0]), q.answers[0]


def test_names_do_not_start_with_an_article_and_date_parts_are_not_blanked() -> None:
    from tradequiz.generate.phrases import find_names

    names = [
        p.text
        for p in find_names(
            "Governance: A Partnership Council meets.",
            frozenset({"Partnership", "Council"}),
            frozenset(),
        )
    ]
    assert "A Partnership Council" not in names
    text = "\n".join(
        (
            "United Kingdom–European Union trade",
            "The Trade and Cooperation Agreement was concluded on Christmas Eve 2020, only days"
            " before the transition period expired.",
            "",
        )
    )
    from tradequiz.generate.cloze import candidates

    for c in candidates(analyse(read_text(text, "t.txt"))):
        assert c.answers != ("Christmas Eve",)


def test_verb_phrases_are_no_association_cues() -> None:
    assert np_problem("now depend on equivalence decisions")


def test_more_rules_from_the_uk_eu_bank() -> None:
    from tradequiz.generate.true_false import _party_swap

    assert unresolved("a transition period kept the old rules in place until the end of that year.")
    assert np_problem("hand out subsidies in ways")
    sides = [
        {
            "name": ["United Kingdom"],
            "demonym": ["British"],
            "possessive": ["the United Kingdom's"],
        },
        {"name": ["EU"], "demonym": ["European"], "possessive": ["the EU's"]},
    ]
    swapped = _party_swap("EU boats keep access to British waters.", sides)
    assert swapped == "British boats keep access to European waters."
    text = "\n".join(
        (
            "United Kingdom–European Union trade",
            "In 2023 the Windsor Framework revised the arrangements for Northern Ireland, which"
            " stays inside the single market for goods to avoid checks on the land border."
            " The stricter battery content requirements due in 2027 worry carmakers.",
            "",
        )
    )
    from tradequiz.generate.pipeline import GENERATORS

    for make in GENERATORS:
        for c in make(analyse(read_text(text, "t.txt"))):
            q = c.question
            assert "why does which" not in q.prompt, q.prompt
            if q.generator == "flashcard.period":
                assert "2027" not in q.prompt, q.prompt


# Found reading the held-out AfCFTA document (after its sample was marked).


def test_a_name_title_takes_the_article_the_document_gives_it() -> None:
    text = "The African Continental Free Trade Area is large. The area aims high."
    assert needs_article("African Continental Free Trade Area", text)
    assert not needs_article("Japan–United States trade", text)


def test_list_categories_are_nouns() -> None:
    text = "\n".join(
        (
            "African Continental Free Trade Area",
            "The African Continental Free Trade Area is the largest free trade area in the world.",
            "Main protocols",
            "The agreement is organised into protocols. The most important are:",
            "Trade in goods: Members commit to remove tariffs on most tariff lines.",
            "Rules of origin: Goods qualify only if enough value is added locally.",
            "Dispute settlement: A standing panel hears complaints between member states.",
            "Sectors to watch",
            "Automotive: Carmakers hope to supply a continental market.",
            "Pharmaceuticals: Regional drug makers want to replace imported medicines.",
            "",
        )
    )
    an = analyse(read_text(text, "t.txt"))
    assert [t.category for t in an.term_lists] == ["protocol", "sector"]
    assert an.ctx.topic == "the African Continental Free Trade Area"
    assert an.ctx.lower("Finance ministries worry", sentence_start=True).startswith("finance")


# Found reading the held-out softwood lumber document (after its sample was marked).


def test_rules_from_the_softwood_lumber_bank() -> None:
    from tradequiz.generate.cloze import demonym

    assert demonym("American", frozenset()) and demonym("Mexican", frozenset())
    assert unresolved("after that deal expired, the United States imposed duties.") == "that deal"
    assert unresolved("others reject any limit on exports.") == "others"
    text = "\n".join(
        (
            "# Canada–United States softwood lumber dispute",
            "",
            "The softwood lumber dispute is a long quarrel. The U.S. Lumber Coalition wants"
            " duties.",
            "",
            "## How the dispute is fought",
            "",
            "Both governments use several legal tools:",
            "",
            "- **Countervailing duties**: Commerce adds tariffs to offset subsidies.",
            "- **Anti-dumping duties**: Separate tariffs target mills that sell below cost.",
            "- **Export charges**: Ottawa collected taxes on lumber shipments itself.",
            "",
            "## Who is affected",
            "",
            "- **Homebuilders**: American builders pay more for framing lumber.",
            "- **Forest communities**: Small towns want stable access to the market.",
            "- **Consumers**: Households see the effect in renovation costs.",
            "",
            "## The arguments",
            "",
            "Opinion divides. The main disagreements are these:",
            "",
            "- **Housing costs**: Builders complain that the duties push up the price of homes."
            " The coalition responds that a strong domestic industry guarantees steady supply.",
            "- **Managed trade**: Some Canadian producers favour a quota deal that ends the"
            " litigation. Others reject any limit on exports.",
            "- **Subsidy**: American producers argue that provinces set prices too low.",
            "",
        )
    )
    an = analyse(read_text(text, "t.md"))
    assert [t.category for t in an.term_lists] == ["legal tool", "group", "issue"]
    assert sorted(an.ctx.debate_sections) == ["the-arguments"]
    from tradequiz.generate.debate_facts import read_debates

    labels = {c.label for d in read_debates(an) for c in d.claims}
    assert "The U.S. Lumber Coalition" in labels
    from tradequiz.generate.pipeline import GENERATORS

    for make in GENERATORS:
        for c in make(an):
            if c.question.generator == "debate.tf_side_swap":
                assert "some Canadian producers reject" not in c.question.prompt


# Found reading the held-out Chile–China document (after its sample was marked).


def test_rules_from_the_chile_china_bank() -> None:
    text = "\n".join(
        (
            "Chile–China copper trade",
            "Chile is the largest producer of copper. China is the largest consumer of it.",
            "Points of contention",
            "The copper trade is widely seen as good for Chile, but it raises hard questions."
            " The main disputes are the following:",
            "Dependence: Economists warn that the budget rises and falls with demand from China."
            " The finance ministry responds that a sovereign wealth fund saves windfall revenue.",
            "Chinese ownership: Opposition politicians fear that Chinese stakes give Beijing too"
            " much control. A pragmatic view holds that Chinese investment brings capital.",
            "Water: Communities complain that mines use scarce water. Mining companies answer"
            " that new projects rely on desalinated seawater.",
            "",
        )
    )
    an = analyse(read_text(text, "t.txt"))
    assert an.ctx.debate_sections  # "Points of contention" with people arguing in it
    from tradequiz.generate.pipeline import GENERATORS

    questions = [c.question for make in GENERATORS for c in make(an)]
    assert any(q.generator == "debate.who_argues" for q in questions)
    for q in questions:
        assert "Critics" not in [c.text for c in q.choices], q.prompt  # never named here
        if q.kind == "flashcard":
            assert q.answers[0] not in {"The copper trade.", "Hard questions."}, q.prompt
