"""The seed debate: Russia's *indivisible security* against NATO's *freedom to choose alliances*.

Built from Sergey Lavrov's press remarks of 27 January 2022 (``sources/`` holds the briefing);
every claim carries the verbatim words it comes from. Run it to (re)write
``lavrov_2022.json`` next to this file::

    python examples/lavrov_2022.py

then render it::

    argmap render examples/lavrov_2022.json -o lavrov.svg
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap import ArgumentMap, MapBuilder, Source

HERE = Path(__file__).resolve().parent
JSON_FILE = HERE / "lavrov_2022.json"
# The same bytes ship inside the package, for argmap.testing and the docs.
PACKAGED_FILE = HERE.parent / "argmap" / "data" / "lavrov_2022.json"

DOCUMENT = (
    "Lavrov Briefs Media That the U.S. Gave ‘No Positive Response’ to Russia’s Demand for "
    "Security Guarantees (EIRNS)"
)
DATE = "2022-01-27"


def lavrov(quote: str) -> Source:
    """A source: Lavrov's words at the briefing, verbatim."""
    return Source(speaker="Sergey Lavrov", document=DOCUMENT, date=DATE, quote=quote)


def build() -> ArgumentMap:
    """Build the map of the debate through argmap's public API."""
    b = MapBuilder(
        "Security guarantees in Europe, January 2022",
        description=(
            "Russia's demand for legally binding security guarantees and the US and NATO "
            "reply, as Russia's foreign minister presented the clash on 27 January 2022."
        ),
        authors=["argmap examples"],
        date=DATE,
    )
    osce = b.section("The OSCE declarations")
    promises = b.section("The promises of 1990")

    # The two positions.
    indivisible = b.position(
        "No state may strengthen its security at the expense of the security of other states.",
        title="Indivisible security",
        holder="Russia",
        tags=["OSCE"],
        sources=[
            lavrov(
                "The principle according to which no state may strengthen their security at "
                "the expense of the security of other states is being deliberately ignored."
            )
        ],
    )
    freedom = b.position(
        "Every state is free to choose its alliances, so NATO has a right to expand and may "
        "consider any country's request to join.",
        title="Freedom to choose alliances",
        holder="United States and NATO",
        sources=[
            lavrov(
                "After saying this, they add that this means that NATO has a right to expand, "
                "and nobody can prohibit it from considering any country’s request for joining "
                "the alliance."
            )
        ],
    )

    # Russia's linked argument: the declarations commit every signatory, the US included.
    committed = b.claim(
        "The 1999 Istanbul and 2010 Astana declarations commit the participating states to the "
        "principle of indivisible security and to honour it without fail.",
        title="The declarations commit to indivisible security",
        section=osce,
        sources=[
            lavrov(
                "The point is that both declarations set out the participating states’ "
                "commitment to the principle of indivisible security and their pledge to honor "
                "it without fail."
            )
        ],
    )
    signed = b.claim(
        "The leaders of all OSCE states, the U.S. President included, signed both declarations.",
        title="Signed by all OSCE leaders",
        section=osce,
        sources=[
            lavrov(
                "But now that we have cited the promises made not in word but in the form of "
                "documents signed by the leaders of all OSCE states, including the U.S. "
                "President (the 1999 Istanbul Declaration and the 2010 Astana Declaration)"
            )
        ],
    )
    b.argument(
        [committed, signed],
        indivisible,
        title="Signed commitments",
        gist="What every OSCE leader signed binds every OSCE state.",
        scheme="Argument from commitment",
        section=osce,
    )

    # The West's reason, which it also raises against Russia's position.
    choose = b.premise(
        "The agreed principles of European security include the freedom of states to choose "
        "military alliances.",
        for_=freedom,
        title="The freedom to choose is agreed",
        section=osce,
        sources=[lavrov("The first is the freedom of states to choose military alliances.")],
    )
    b.objection(choose, against=indivisible)
    conditioned = b.objection(
        "The freedom to choose security arrangements is conditioned by the pledge to respect "
        "the security interests of every other OSCE state.",
        against=choose,
        title="The freedom is conditioned",
        section=osce,
        sources=[
            lavrov(
                "In other words, the freedom to choose security arrangements is conditioned by "
                "the pledge to respect the security interests of any other OSCE state, including "
                "the Russian Federation,"
            )
        ],
    )
    b.objection(conditioned, against=freedom)
    b.objection(
        "The West treats the OSCE commitments as a menu: it takes the freedom to choose "
        "alliances and disregards the pledge on which that freedom depends.",
        against=freedom,
        title="Commitments are not a menu",
        section=osce,
        sources=[
            lavrov(
                "I asked him to explain why they regard the obligations made within the OSCE as "
                "a menu from which they are free to choose the dishes that taste good to them, "
                "and why they are disregarding or talking round their pledge to honor the "
                "interests of other countries."
            )
        ],
    )

    # The promises of 1990: an objection with its own support, undermined and undercut.
    bound = b.objection(
        "NATO is bound by its promise of 1990 not to expand eastward.",
        against=freedom,
        title="Bound by the 1990 promise",
        section=promises,
    )
    promised = b.claim(
        "In 1990, when Germany was reunified, the West solemnly promised that NATO would not "
        "expand even an inch eastward beyond the Oder River.",
        title="The promise of 1990",
        section=promises,
        sources=[
            lavrov(
                "[P]recisely in 1990, when Germany was reunified and the issue of European "
                "security was raised, they solemnly promised that NATO would not expand even an "
                "inch eastward beyond the Oder River."
            )
        ],
    )
    from_promise = b.argument(
        [promised],
        bound,
        title="Promises bind",
        scheme="Argument from commitment",
        section=promises,
    )
    memoirs = b.premise(
        "The promises are recorded in many memoirs by British, U.S. and German officials.",
        for_=promised,
        title="The memoirs",
        section=promises,
        sources=[
            lavrov(
                "These facts are well known and have been included in many memoirs by British, "
                "U.S. and German officials."
            )
        ],
    )
    b.objection(
        "The memoirs are not serious: the officials' words were misinterpreted.",
        against=memoirs,
        title="The memoirs were misread",
        section=promises,
        sources=[
            lavrov(
                "When we mentioned the memoirs, our Western partners responded that they were "
                "not serious and that their words were misinterpreted."
            )
        ],
    )
    b.undercut(
        "Even if the promises were made, they were only verbal, and verbal promises do not bind.",
        against=from_promise,
        title="Only verbal",
        section=promises,
        sources=[
            lavrov(
                "But now that this issue has become a matter of fierce debates, we have been "
                "told that the promises were only verbal."
            )
        ],
    )
    return b.build()


def main() -> None:
    """Write the map as native JSON next to this script (and into the package)."""
    amap = build()
    for path in (JSON_FILE, PACKAGED_FILE):
        argmap.dump(amap, path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
