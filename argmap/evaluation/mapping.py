"""From a map to an abstract framework and back: how argmap decides what stands.

The translation (see ``docs/evaluation.md``): every claim and argument is an argument of the
framework, named by its id. Helper arguments carry the conditions that abstract frameworks
cannot state directly:

- ``premise P of A``: attacked by the premise ``P``, attacks the argument ``A``; so ``A``
  stands only when every premise stands.
- ``no reason for C``: attacked by every reason for ``C``, attacks ``C``; so a claim with
  reasons stands only when at least one of them stands.
- ``rejected C`` (unattacked) attacks a claim the analyst rejected; ``doubt about C`` and a
  questioned claim attack each other; an accepted claim keeps no incoming attack.

Objections, undercuts and contradictions are attacks; with ``conflict="symmetric"`` every
reason for a claim and every objection against it attack each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from argmap.evaluation.framework import IN, OUT, UNDEC, Framework, grounded, solve
from argmap.evaluation.result import (
    CONFLICT_MODES,
    SEMANTICS,
    Evaluation,
    EvaluationError,
    Label,
    NodeLabel,
)
from argmap.model import ArgumentMap, RelationKind, Verdict

# What an attack of the translated framework stands for.
ATTACK = "attack"
UNDERCUT = "undercut"
CONTRADICTION = "contradiction"
REBUT = "rebut"  # symmetric mode: a reason and an objection on the same claim
PREMISE = "premise"  # premise P -> helper, helper -> argument
REASON = "reason"  # reason R -> helper, helper -> claim
REJECTED = "rejected"
DOUBT = "doubt"
_SUPPORT_KINDS = frozenset({PREMISE, REASON})
_LABELS = {IN: Label.IN, OUT: Label.OUT, UNDEC: Label.UNDECIDED}


@attrs.frozen
class Translation:
    """A map as an abstract framework, with what each attack and helper stands for.

    Attributes:
        framework: The framework; arguments ``0 .. nodes-1`` are the map's claims and
            arguments in map order, named by id; the rest are helpers, in the order made.
        nodes: How many arguments of the framework are claims or arguments of the map.
        helper_kinds: For each helper (argument ``nodes + k``), what it stands for
            (:data:`PREMISE`, :data:`REASON`, :data:`REJECTED` or :data:`DOUBT`): the kind of
            every attack into or out of it.
        helper_subjects: For each helper, the number of the claim it is about (the premise,
            the claim with reasons, the claim with a verdict).
        pair_kinds: What each attack between two claims or arguments stands for; ``None``
            when every attack is a plain :data:`ATTACK` (a framework read from a file).
        questioned: The numbers of the claims the analyst questioned.
        claims: The numbers of the map's claims.
        accepted: The numbers of the claims the analyst accepted.
    """

    framework: Framework
    nodes: int
    helper_kinds: list[str]
    helper_subjects: list[int]
    pair_kinds: dict[tuple[int, int], str] | None
    questioned: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    accepted: frozenset[int] = frozenset()

    def kind(self, attacker: int, target: int) -> str:
        """What the attack ``attacker -> target`` stands for."""
        if target >= self.nodes:
            return self.helper_kinds[target - self.nodes]
        if attacker >= self.nodes:
            return self.helper_kinds[attacker - self.nodes]
        return ATTACK if self.pair_kinds is None else self.pair_kinds[(attacker, target)]

    def subject_of(self, helper: int) -> int:
        """The number of the claim that helper argument ``helper`` is about."""
        return self.helper_subjects[helper - self.nodes]

    @property
    def kinds(self) -> dict[tuple[int, int], str]:
        """Every attack with what it stands for (made on demand: for inspection and tests)."""
        return {(a, b): self.kind(a, b) for a, b in self.framework.attacks}

    @property
    def subject(self) -> dict[int, int]:
        """Every helper's number with the number of the claim it is about."""
        return {self.nodes + k: s for k, s in enumerate(self.helper_subjects)}


def translate(amap: ArgumentMap, *, conflict: str = "as-drawn") -> Translation:
    """Turn ``amap`` into an abstract framework (see the module description).

    Raises:
        EvaluationError: For an unknown conflict mode.
    """
    if conflict not in CONFLICT_MODES:
        raise EvaluationError(
            f"unknown conflict mode {conflict!r} (known: {', '.join(CONFLICT_MODES)})"
        )
    claims, arguments = amap.claims, amap.arguments
    names = [claim.id for claim in claims]
    names += [argument.id for argument in arguments]
    nodes = len(names)
    number = dict(zip(names, range(nodes), strict=True))
    # Adjacency lists in the order the attacks are made (what Framework(names, attacks) would
    # make of them); helpers are appended after the map's nodes, in the order made.
    targets: list[list[int]] = [[] for _ in range(nodes)]
    attackers: list[list[int]] = [[] for _ in range(nodes)]
    helper_names: list[str] = []
    helper_kinds: list[str] = []
    helper_subjects: list[int] = []

    def helper(name: str, kind: str, about: int, attacked_by: Iterable[int], aim: int) -> None:
        """Add a helper about claim ``about``, attacked by ``attacked_by``, attacking ``aim``."""
        h = nodes + len(helper_names)
        helper_names.append(name)
        helper_kinds.append(kind)
        helper_subjects.append(about)
        attackers.append(list(attacked_by))
        for a in attacked_by:
            targets[a].append(h)
        targets.append([aim])
        attackers[aim].append(h)

    # Attacks between claims and arguments can repeat (an attack and a contradiction, rebuttals
    # both ways): the first kind given is kept. A helper's attacks cannot, the helper being new.
    pair_kinds: dict[tuple[int, int], str] = {}

    def attack(a: int, b: int, kind: str) -> None:
        if (a, b) not in pair_kinds:
            pair_kinds[(a, b)] = kind
            targets[a].append(b)
            attackers[b].append(a)

    # What leads into each node, in the order of GraphIndex.reasons and .incoming: the
    # arguments for a claim, then its supporters; objections in the order of the relations.
    reasons_for: defaultdict[int, list[int]] = defaultdict(list)
    objections: defaultdict[int, list[tuple[RelationKind, int]]] = defaultdict(list)
    for i, argument in enumerate(arguments, len(claims)):
        if argument.conclusion is not None:
            reasons_for[number[argument.conclusion]].append(i)
    for relation in amap.relations:
        kind = relation.kind
        origin, target = number[relation.origin], number[relation.target]
        if kind is RelationKind.SUPPORT:
            reasons_for[target].append(origin)
        else:
            objections[target].append((kind, origin))
            if kind is RelationKind.CONTRADICTION:
                objections[origin].append((kind, target))

    symmetric = conflict == "symmetric"
    questioned: set[int] = set()
    accepted: set[int] = set()
    for i, claim in enumerate(claims):
        verdict = claim.verdict
        if verdict is Verdict.ACCEPTED:
            accepted.add(i)
            continue
        if verdict is Verdict.REJECTED:
            helper(f"rejected {claim.id}", REJECTED, i, (), i)
            continue
        if verdict is Verdict.QUESTIONED:
            helper(f"doubt about {claim.id}", DOUBT, i, (i,), i)
            questioned.add(i)
        reasons = reasons_for.get(i)
        if reasons:
            helper(f"no reason for {claim.id}", REASON, i, dict.fromkeys(reasons), i)
        for kind, o in objections.get(i, ()):
            if kind is RelationKind.ATTACK:
                attack(o, i, ATTACK)
                if symmetric and reasons:
                    for r in reasons:
                        if r != o:
                            attack(o, r, REBUT)
                            attack(r, o, REBUT)
            elif kind is RelationKind.CONTRADICTION:
                attack(o, i, CONTRADICTION)
    for i, argument in enumerate(arguments, len(claims)):
        for premise in argument.premises:
            p = number[premise]
            helper(f"premise {premise} of {argument.id}", PREMISE, p, (p,), i)
        for kind, o in objections.get(i, ()):
            if kind is RelationKind.UNDERCUT:
                attack(o, i, UNDERCUT)
            elif kind is RelationKind.ATTACK:
                attack(o, i, ATTACK)

    # A helper's name holds a space and starts with its kind's words, so it can equal an id
    # only if some id holds a space; primes then make every name unique.
    if " " in "".join(names):
        taken = set(names)
        for k, name in enumerate(helper_names):
            while name in taken:
                name += "'"
            taken.add(name)
            helper_names[k] = name
    framework = Framework.from_lists(names + helper_names, attackers, targets)
    return Translation(
        framework,
        nodes,
        helper_kinds,
        helper_subjects,
        pair_kinds,
        frozenset(questioned),
        frozenset(range(len(claims))),
        frozenset(accepted),
    )


def evaluate(
    amap: ArgumentMap, semantics: str = "grounded", *, conflict: str = "as-drawn"
) -> Evaluation:
    """Label every claim and argument of ``amap`` in, out or undecided.

    Args:
        amap: The map to evaluate.
        semantics: ``"grounded"`` (the default: the sceptical, unique answer),
            ``"preferred"``, ``"stable"`` or ``"complete"``.
        conflict: ``"as-drawn"`` (an objection defeats its target unless the objection is
            itself answered) or ``"symmetric"`` (a claim's reasons and its objections attack
            each other, so an unanswered clash is undecided).

    Returns:
        The labels, each with its reason.

    Raises:
        EvaluationError: For an unknown semantics or conflict mode.
    """
    _check_semantics(semantics)
    return _Explainer(translate(amap, conflict=conflict)).evaluation(semantics, conflict)


def evaluate_framework(af: Framework, semantics: str = "grounded") -> Evaluation:
    """Evaluate an abstract framework; labels are keyed by argument name, in file order.

    Raises:
        EvaluationError: For an unknown semantics, or for two arguments with one name.
    """
    _check_semantics(semantics)
    if len(set(af.names)) != len(af.names):
        raise EvaluationError("two arguments of the framework have the same name")
    translation = Translation(af, len(af), [], [], None)
    return _Explainer(translation).evaluation(semantics, "as-drawn")


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise EvaluationError(f"unknown semantics {semantics!r} (known: {', '.join(SEMANTICS)})")


def _names(items: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


class _Explainer:
    """Words for each label: which attacker, premise, reason or cycle decides it."""

    def __init__(self, translation: Translation) -> None:
        self.translation = translation
        self.af = af = translation.framework
        self.claims = translation.claims
        self.accepted = translation.accepted
        self.questioned = translation.questioned
        self.nodes = translation.nodes
        self.label, self.rounds = grounded(af)

    def evaluation(self, semantics: str, conflict: str) -> Evaluation:
        names = self.af.names
        labels: dict[str, NodeLabel] = {}
        if semantics == "grounded":
            for i in range(self.nodes):
                labels[names[i]] = NodeLabel(names[i], _LABELS[self.label[i]], self.reason(i))
            return Evaluation(semantics, labels, None, conflict)
        acc = solve(self.af, semantics)
        total = acc.extensions
        plural = "extension" if total == 1 else "extensions"
        for i in range(self.nodes):
            value = acc.label(i)
            if total == 0:
                reason = "undecided: no stable extension exists"
            elif value == self.label[i] != UNDEC:
                reason = self.reason(i)  # decided as the grounded labelling decides it
            elif value == IN:
                reason = f"in: in all {total} {semantics} {plural}"
            elif value == OUT:
                reason = f"out: defeated in all {total} {semantics} {plural}"
            else:
                k = acc.in_count[i]
                head = (
                    f"undecided: in {k} of {total} {semantics} {plural}"
                    if k
                    else f"undecided: in none of the {total} {semantics} {plural}, "
                    "defeated in only some"
                )
                grounded_reason = self.reason(i)
                reason = f"{head}; {grounded_reason.removeprefix('undecided: ')}"
            labels[names[i]] = NodeLabel(
                names[i], _LABELS[value], reason, acc.sceptical(i), acc.credulous(i)
            )
        return Evaluation(semantics, labels, total, conflict)

    # -- grounded reasons -------------------------------------------------------------------

    def name(self, i: int) -> str:
        return self.af.names[i] if i < self.nodes else self.af.names[self.translation.subject_of(i)]

    def reason(self, i: int) -> str:
        value = self.label[i]
        if value == IN:
            return self._why_in(i)
        if value == OUT:
            return self._why_out(i)
        return self._why_undecided(i)

    def _attackers(self, i: int) -> list[tuple[int, str]]:
        kind = self.translation.kind
        return [(a, kind(a, i)) for a in self.af.attackers[i]]

    def _why_in(self, i: int) -> str:
        attackers = self._attackers(i)
        parts: list[str] = []
        premises = [self.name(a) for a, k in attackers if k == PREMISE]
        reason_helpers = [a for a, k in attackers if k == REASON]
        objections = [self.name(a) for a, k in attackers if k in (ATTACK, CONTRADICTION, REBUT)]
        undercuts = [self.name(a) for a, k in attackers if k == UNDERCUT]
        if premises:
            parts.append(
                f"{'premises' if len(premises) > 1 else 'premise'} "
                f"{_names(premises)} {'stand' if len(premises) > 1 else 'stands'}"
            )
        for h in reason_helpers:
            standing = [self.name(r) for r in self.af.attackers[h] if self.label[r] == IN]
            word = "reasons" if len(standing) > 1 else "reason"
            parts.append(f"{word} {_names(standing)} {'stand' if len(standing) > 1 else 'stands'}")
        if objections:
            word = "objections" if len(objections) > 1 else "objection"
            verb = "do" if len(objections) > 1 else "does"
            parts.append(f"{word} {_names(objections)} {verb} not stand")
        if undercuts:
            verb = "do" if len(undercuts) > 1 else "does"
            parts.append(f"undercut {_names(undercuts)} {verb} not stand")
        is_claim = i in self.claims
        if i in self.accepted:
            return "in: accepted by the analyst"
        if not attackers:
            if is_claim:
                parts.append("presumed; nothing objects to it")
            elif self.claims:
                parts.append("nothing undercuts it")
            else:
                parts.append("nothing attacks it")
        elif is_claim and not reason_helpers:
            parts.insert(0, "presumed")
        return "in: " + "; ".join(parts)

    def _why_out(self, i: int) -> str:
        attackers = [(a, k) for a, k in self._attackers(i) if self.label[a] == IN]
        a, kind = min(attackers, key=lambda p: self.rounds[p[0]])
        if kind == PREMISE:
            premise = self.translation.subject_of(a)
            return f"out: premise {self.name(premise)} does not stand"
        if kind == REASON:
            reasons = [self.name(r) for r in self.af.attackers[a]]
            verb = "does" if len(reasons) == 1 else "do"
            return f"out: no reason stands ({_names(reasons)} {verb} not)"
        if kind == REJECTED:
            return "out: rejected by the analyst"
        if kind == UNDERCUT:
            return f"out: undercut by {self.name(a)}"
        return f"out: defeated by {self.name(a)}"

    def _why_undecided(self, i: int) -> str:
        if i in self.questioned:
            return "undecided: questioned by the analyst"
        undecided = [(a, k) for a, k in self._attackers(i) if self.label[a] == UNDEC]
        first, kind = undecided[0]
        cycle, on_cycle = self._cycle(i)
        if on_cycle:
            return f"undecided: {cycle}"
        if kind == PREMISE:
            head = f"premise {self.name(self.translation.subject_of(first))} is undecided"
        elif kind == REASON:
            open_ = [r for r in self.af.attackers[first] if self.label[r] == UNDEC]
            head = f"reason {self.name(open_[0])} is undecided"
        elif kind == UNDERCUT:
            head = f"undercut {self.name(first)} is undecided"
        elif kind == DOUBT:
            head = "questioned by the analyst"
        else:
            head = f"objection {self.name(first)} is undecided"
        return f"undecided: {head} ({cycle})"

    def _cycle(self, i: int) -> tuple[str, bool]:
        """Follow undecided attackers from ``i`` until one repeats; describe that cycle."""
        label = self.label
        path: list[int] = [i]
        seen = {i: 0}
        x = i
        while True:
            nxt = next(a for a in self.af.attackers[x] if label[a] == UNDEC)
            if nxt in seen:
                loop = path[seen[nxt] :]
                break
            seen[nxt] = len(path)
            path.append(nxt)
            x = nxt
        if len(loop) == 1:
            return f"{self.name(loop[0])} attacks itself", loop[0] == i
        kind = self.translation.kind
        edge_kinds = {kind(loop[(j + 1) % len(loop)], loop[j]) for j in range(len(loop))}
        shown = [self.af.names[v] for v in loop if v < self.nodes]
        if not shown:
            shown = [self.name(v) for v in loop]
        start = shown[0]
        on_cycle = loop[0] == i
        if edge_kinds <= _SUPPORT_KINDS:
            claims = [self.af.names[v] for v in loop if v < self.nodes and v in self.claims]
            if claims:
                shown = claims
            what = "support cycle"
        elif edge_kinds & _SUPPORT_KINDS:
            what = "cycle of reasons and objections"
        elif edge_kinds == {DOUBT}:
            return "questioned by the analyst", False
        else:
            what = "attack cycle"
            if len(shown) == 2 and edge_kinds <= {CONTRADICTION, ATTACK, REBUT}:
                other = shown[1] if on_cycle else shown[0]
                if on_cycle:
                    return f"in conflict with {other}, neither prevails", True
        start = shown[0]
        return f"{what} {', '.join([*shown, start])}", on_cycle
