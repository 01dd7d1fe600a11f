"""The map-to-framework translation and the ICCMA writers, against plain reference versions.

``translate`` builds the framework's adjacency lists itself, in one pass over the relations;
the reference here is the plain version through the map's query index that it replaced.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import Argument, ArgumentMap, Claim, Relation, RelationKind, Verdict
from argmap.builtin.iccma import codec as iccma
from argmap.evaluation.framework import Framework
from argmap.evaluation.mapping import translate
from argmap.strategies import argument_maps


def reference_translation(
    amap: ArgumentMap, conflict: str
) -> tuple[Framework, dict[tuple[int, int], str], dict[int, int]]:
    nodes = list(amap)
    number = {node.id: i for i, node in enumerate(nodes)}
    names = [node.id for node in nodes]
    taken = set(names)
    kinds: dict[tuple[int, int], str] = {}
    subject: dict[int, int] = {}
    attacks: list[tuple[int, int]] = []

    def helper(name: str, about: int) -> int:
        while name in taken:
            name += "'"
        taken.add(name)
        names.append(name)
        subject[len(names) - 1] = about
        return len(names) - 1

    def attack(a: int, b: int, kind: str) -> None:
        if (a, b) not in kinds:
            kinds[(a, b)] = kind
            attacks.append((a, b))

    index = amap.index
    for i, node in enumerate(nodes):
        if isinstance(node, Argument):
            for premise in node.premises:
                h = helper(f"premise {premise} of {node.id}", number[premise])
                attack(number[premise], h, "premise")
                attack(h, i, "premise")
            for kind, origin in index.incoming(node.id):
                if kind in (RelationKind.UNDERCUT, RelationKind.ATTACK):
                    attack(number[origin.id], i, kind.value)
            continue
        if node.verdict is Verdict.ACCEPTED:
            continue
        if node.verdict is Verdict.REJECTED:
            attack(helper(f"rejected {node.id}", i), i, "rejected")
            continue
        if node.verdict is Verdict.QUESTIONED:
            h = helper(f"doubt about {node.id}", i)
            attack(h, i, "doubt")
            attack(i, h, "doubt")
        reasons = [number[r.id] for r in index.reasons(node.id)]
        if reasons:
            h = helper(f"no reason for {node.id}", i)
            for r in reasons:
                attack(r, h, "reason")
            attack(h, i, "reason")
        for kind, origin in index.incoming(node.id):
            o = number[origin.id]
            if kind is RelationKind.ATTACK:
                attack(o, i, "attack")
                if conflict == "symmetric":
                    for r in reasons:
                        if r != o:
                            attack(o, r, "rebut")
                            attack(r, o, "rebut")
            elif kind is RelationKind.CONTRADICTION:
                attack(o, i, "contradiction")
    return Framework(names, attacks), kinds, subject


@settings(max_examples=200, deadline=None)
@given(argument_maps(), st.sampled_from(["as-drawn", "symmetric"]))
def test_translation_equals_the_plain_one(amap: ArgumentMap, conflict: str) -> None:
    framework, kinds, subject = reference_translation(amap, conflict)
    got = translate(amap, conflict=conflict)
    assert got.framework.names == framework.names
    assert got.framework.targets == framework.targets
    assert got.framework.attackers == framework.attackers
    assert got.kinds == kinds
    assert got.subject == subject
    for format, write in iccma.WRITERS.items():
        assert write(got.framework) == write(framework), format


def test_writers_keep_hostile_names_exactly() -> None:
    names = ["a1", "2", 'say "no"', "back\\slash", "two\nlines\r", "#", "ملف 🙂", "x_2", "<b>&</b>"]
    af = Framework(names, [(0, 2), (2, 0), (3, 4), (8, 1), (4, 4), (6, 5), (0, 7)])
    attacks = "1 3\n1 8\n3 1\n4 5\n5 5\n7 6\n9 2\n"
    assert iccma.write_af(af) == (
        'p af 9\n# 1 a1\n# 3 say "no"\n# 4 back\\\\slash\n# 5 two\\nlines\\r\n# 6 #\n'
        "# 7 ملف 🙂\n# 8 x_2\n# 9 <b>&</b>\n" + attacks
    )
    assert iccma.write_tgf(af) == (
        '1 a1\n2 2\n3 say "no"\n4 back\\\\slash\n5 two\\nlines\\r\n6 #\n7 ملف 🙂\n8 x_2\n'
        "9 <b>&</b>\n#\n" + attacks
    )
    assert iccma.write_apx(af) == (
        'arg(a1).\narg(2).\narg("say \\"no\\"").\narg("back\\\\slash").\n'
        'arg("two\nlines\r").\narg("#").\narg("ملف 🙂").\narg(x_2).\narg("<b>&</b>").\n'
        'att(a1,"say \\"no\\"").\natt(a1,x_2).\natt("say \\"no\\"",a1).\n'
        'att("back\\\\slash","two\nlines\r").\natt("two\nlines\r","two\nlines\r").\n'
        'att("ملف 🙂","#").\natt("<b>&</b>",2).\n'
    )
    plain = Framework(["a", "b"], [(0, 1)])
    assert iccma.write_tgf(plain) == "a\nb\n#\na b\n"
    assert iccma.write_af(Framework(["1", "2"], [(1, 0)])) == "p af 2\n2 1\n"


def test_helpers_whose_names_are_taken_get_primes() -> None:
    """Ids with spaces can be helper names; primes keep every name unique."""
    claims = [
        Claim("c"),
        Claim("premise c of a"),
        Claim("no reason for c"),
        Claim("premise c of a'"),
        Claim("x y", verdict="questioned"),
        Claim("doubt about x y"),
        Claim("rejected z"),
        Claim("z", verdict="rejected"),
    ]
    arguments = [
        Argument("a", premises=("c",), conclusion="x y"),
        Argument("b", premises=("premise c of a",), conclusion="c"),
    ]
    relations = [
        Relation(RelationKind.SUPPORT, "z", "c"),
        Relation(RelationKind.ATTACK, "x y", "c"),
        Relation(RelationKind.CONTRADICTION, "x y", "c"),
        Relation(RelationKind.ATTACK, "c", "a"),
    ]
    amap = ArgumentMap(claims=claims, arguments=arguments, relations=relations)
    for conflict in ("as-drawn", "symmetric"):
        framework = translate(amap, conflict=conflict).framework
        names, targets = framework.names, framework.targets
        for format, write in iccma.WRITERS.items():
            assert iccma.TEXT_WRITERS[format](names, targets) == write(framework)
    assert names[10:] == [
        "no reason for c'",
        "doubt about x y'",
        "no reason for x y",
        "rejected z'",
        "premise c of a''",
        "premise premise c of a of b",
    ]
