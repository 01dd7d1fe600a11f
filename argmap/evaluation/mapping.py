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
from argmap.model import Argument, ArgumentMap, Claim, RelationKind, Verdict

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
    """A map as an abstract framework.

    Attributes:
        framework: The framework; arguments ``0 .. nodes-1`` are the map's claims and
            arguments in map order, named by id; the rest are helpers.
        nodes: How many arguments of the framework are claims or arguments of the map.
        kinds: For each attack ``(attacker, target)``, what it stands for.
        subject: For each helper argument, the claim (premise, reason target, verdict) it is
            about, by number.
        questioned: The numbers of the claims the analyst questioned.
    """

    framework: Framework
    nodes: int
    kinds: dict[tuple[int, int], str]
    subject: dict[int, int]
    questioned: frozenset[int]
    claims: frozenset[int]
    accepted: frozenset[int]


def translate(amap: ArgumentMap, *, conflict: str = "as-drawn") -> Translation:
    """Turn ``amap`` into an abstract framework (see the module description)."""
    if conflict not in CONFLICT_MODES:
        raise EvaluationError(
            f"unknown conflict mode {conflict!r} (known: {', '.join(CONFLICT_MODES)})"
        )
    nodes: list[Claim | Argument] = [*amap.claims, *amap.arguments]
    number = {node.id: i for i, node in enumerate(nodes)}
    names = [node.id for node in nodes]
    taken = set(names)
    kinds: dict[tuple[int, int], str] = {}
    subject: dict[int, int] = {}
    # The framework's adjacency lists are filled here, in the order the attacks are made, which
    # is what Framework(names, attacks) would make of them without a second pass and check.
    attackers: list[list[int]] = [[] for _ in names]
    targets: list[list[int]] = [[] for _ in names]

    def helper(name: str, about: int, kind: str, attacked_by: Iterable[int], attacks: int) -> int:
        """Add a helper argument attacked by ``attacked_by`` that attacks ``attacks``."""
        while name in taken:
            name += "'"
        taken.add(name)
        h = len(names)
        names.append(name)
        subject[h] = about
        # The helper is new, so none of its attacks can have been made before.
        attackers.append(list(attacked_by))
        for a in attacked_by:
            kinds[(a, h)] = kind
            targets[a].append(h)
        kinds[(h, attacks)] = kind
        targets.append([attacks])
        attackers[attacks].append(h)
        return h

    def attack(a: int, b: int, kind: str) -> None:
        if (a, b) not in kinds:
            kinds[(a, b)] = kind
            targets[a].append(b)
            attackers[b].append(a)

    # What leads into each node, by number, in the order of GraphIndex.reasons and .incoming:
    # the arguments for a claim, then its supporters; objections in the order of the relations.
    reasons_for: dict[int, list[int]] = defaultdict(list)
    objections: dict[int, list[tuple[RelationKind, int]]] = defaultdict(list)
    for argument in amap.arguments:
        if argument.conclusion is not None:
            reasons_for[number[argument.conclusion]].append(number[argument.id])
    for relation in amap.relations:
        kind = relation.kind
        origin, target = number[relation.origin], number[relation.target]
        if kind is RelationKind.SUPPORT:
            reasons_for[target].append(origin)
        else:
            objections[target].append((kind, origin))
            if kind is RelationKind.CONTRADICTION:
                objections[origin].append((kind, target))
    no_objections: list[tuple[RelationKind, int]] = []

    symmetric = conflict == "symmetric"
    questioned: set[int] = set()
    claims: set[int] = set()
    accepted: set[int] = set()
    for i, node in enumerate(nodes):
        if isinstance(node, Argument):
            for premise in node.premises:
                p = number[premise]
                helper(f"premise {premise} of {node.id}", p, PREMISE, (p,), i)
            for kind, o in objections.get(i, no_objections):
                if kind is RelationKind.UNDERCUT:
                    attack(o, i, UNDERCUT)
                elif kind is RelationKind.ATTACK:
                    attack(o, i, ATTACK)
            continue
        verdict = node.verdict
        claims.add(i)
        if verdict is Verdict.ACCEPTED:
            accepted.add(i)
            continue
        if verdict is Verdict.REJECTED:
            helper(f"rejected {node.id}", i, REJECTED, (), i)
            continue
        if verdict is Verdict.QUESTIONED:
            helper(f"doubt about {node.id}", i, DOUBT, (i,), i)
            questioned.add(i)
        reasons = reasons_for.get(i)
        if reasons:
            helper(f"no reason for {node.id}", i, REASON, dict.fromkeys(reasons), i)
        for kind, o in objections.get(i, no_objections):
            if kind is RelationKind.ATTACK:
                attack(o, i, ATTACK)
                if symmetric and reasons:
                    for r in reasons:
                        if r != o:
                            attack(o, r, REBUT)
                            attack(r, o, REBUT)
            elif kind is RelationKind.CONTRADICTION:
                attack(o, i, CONTRADICTION)
    framework = Framework.from_lists(names, attackers, targets)
    return Translation(
        framework,
        len(nodes),
        kinds,
        subject,
        frozenset(questioned),
        frozenset(claims),
        frozenset(accepted),
    )


def attack_lists(
    amap: ArgumentMap, *, conflict: str = "as-drawn"
) -> tuple[list[str], list[list[int]]]:
    """The names and the attacks (targets by attacker) of :func:`translate`'s framework, alone.

    What the ICCMA writers need, made without what explanations need (the kind of each attack,
    the subject of each helper, the attackers of each argument): on a 100,000-claim map that
    bookkeeping cost more than the translation itself. The result is the same as
    ``translate(amap, conflict=conflict).framework``'s ``names`` and ``targets`` (a test keeps
    the two equal), so a change to the translation goes into both.
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
    targets: list[list[int]] = [[] for _ in range(nodes)]
    helpers: list[str] = []  # the helpers' names, in order (number nodes + k)
    aims: list[int] = []  # what each helper attacks (its only attack)

    # Arguments for each claim first, then its supporters; objections by relation (as translate).
    reasons_for: defaultdict[int, list[int]] = defaultdict(list)
    objections: defaultdict[int, list[tuple[RelationKind, int]]] = defaultdict(list)
    for i, argument in enumerate(arguments, len(claims)):
        if argument.conclusion is not None:
            reasons_for[number[argument.conclusion]].append(i)
    support, contradiction = RelationKind.SUPPORT, RelationKind.CONTRADICTION
    for relation in amap.relations:
        kind = relation.kind
        origin, target = number[relation.origin], number[relation.target]
        if kind is support:
            reasons_for[target].append(origin)
        else:
            objections[target].append((kind, origin))
            if kind is contradiction:
                objections[origin].append((kind, target))

    # Attacks between claims and arguments can repeat (an attack and a contradiction, rebuttals
    # both ways); a helper's attacks cannot, the helper being new.
    made: set[tuple[int, int]] = set()

    def attack(a: int, b: int) -> None:
        if (a, b) not in made:
            made.add((a, b))
            targets[a].append(b)

    symmetric = conflict == "symmetric"
    attack_kind = RelationKind.ATTACK
    get_reasons, get_objections = reasons_for.get, objections.get
    for i, claim in enumerate(claims):
        verdict = claim.verdict
        if verdict is not None:
            if verdict is Verdict.ACCEPTED:
                continue
            if verdict is Verdict.REJECTED:
                helpers.append(f"rejected {claim.id}")
                aims.append(i)
                continue
            # questioned: the doubt and the claim attack each other
            targets[i].append(nodes + len(helpers))
            helpers.append(f"doubt about {claim.id}")
            aims.append(i)
        reasons = get_reasons(i)
        if reasons:
            h = nodes + len(helpers)
            helpers.append(f"no reason for {claim.id}")
            aims.append(i)
            for r in dict.fromkeys(reasons) if len(reasons) > 1 else reasons:
                targets[r].append(h)
        for kind, o in get_objections(i, ()):
            if kind is attack_kind:
                attack(o, i)
                if symmetric and reasons:
                    for r in reasons:
                        if r != o:
                            attack(o, r)
                            attack(r, o)
            elif kind is contradiction:
                attack(o, i)
    undercut = RelationKind.UNDERCUT
    for i, argument in enumerate(arguments, len(claims)):
        argument_id = argument.id
        for premise in argument.premises:
            targets[number[premise]].append(nodes + len(helpers))
            helpers.append(f"premise {premise} of {argument_id}")
            aims.append(i)
        for kind, o in get_objections(i, ()):
            if kind is undercut or kind is attack_kind:
                attack(o, i)

    # Every helper name holds a space and starts with its kind's words: without a space in any
    # id, none can be an id, and two are alike only for one premise named twice in an argument,
    # which a map cannot hold. Otherwise primes make them unique as translate does.
    if " " in "".join(names):
        taken = set(names)
        for k, name in enumerate(helpers):
            while name in taken:
                name += "'"
            taken.add(name)
            helpers[k] = name
    names += helpers
    targets += [[aim] for aim in aims]
    return names, targets


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
    t = translate(amap, conflict=conflict)
    explainer = _Explainer(
        t.framework, t.kinds, t.subject, t.questioned, t.nodes, t.claims, t.accepted
    )
    return explainer.evaluation(semantics, conflict)


def evaluate_framework(af: Framework, semantics: str = "grounded") -> Evaluation:
    """Evaluate an abstract framework; labels are keyed by argument name, in file order.

    Raises:
        EvaluationError: For an unknown semantics, or for two arguments with one name.
    """
    _check_semantics(semantics)
    if len(set(af.names)) != len(af.names):
        raise EvaluationError("two arguments of the framework have the same name")
    kinds = dict.fromkeys(af.attacks, ATTACK)
    return _Explainer(af, kinds, {}, frozenset(), len(af)).evaluation(semantics, "as-drawn")


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise EvaluationError(f"unknown semantics {semantics!r} (known: {', '.join(SEMANTICS)})")


def _names(items: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


class _Explainer:
    """Words for each label: which attacker, premise, reason or cycle decides it."""

    def __init__(
        self,
        af: Framework,
        kinds: dict[tuple[int, int], str],
        subject: dict[int, int],
        questioned: frozenset[int],
        nodes: int,
        claims: frozenset[int] = frozenset(),
        accepted: frozenset[int] = frozenset(),
    ) -> None:
        self.af = af
        self.claims = claims
        self.accepted = accepted
        self.kinds = kinds
        self.subject = subject
        self.questioned = questioned
        self.nodes = nodes
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
        return self.af.names[i] if i < self.nodes else self.af.names[self.subject[i]]

    def reason(self, i: int) -> str:
        value = self.label[i]
        if value == IN:
            return self._why_in(i)
        if value == OUT:
            return self._why_out(i)
        return self._why_undecided(i)

    def _attackers(self, i: int) -> list[tuple[int, str]]:
        return [(a, self.kinds[(a, i)]) for a in self.af.attackers[i]]

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
            premise = self.subject[a]
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
            head = f"premise {self.name(self.subject[first])} is undecided"
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
        edge_kinds = {self.kinds[(loop[(j + 1) % len(loop)], loop[j])] for j in range(len(loop))}
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
