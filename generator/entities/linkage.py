"""Complete linkage: groups in which every pair of members is linked, so that no group forms by
chaining (a document linked with two others does not make them one group). entities/events.py
groups reports of one event with it."""

from __future__ import annotations


def complete_linkage(ids: list[str], links: list[tuple[int, str, str]]) -> list[list[str]]:
    """Groups in which every pair is linked: pairs are taken strongest first (then by id), and
    two groups merge only when every document of one is linked with every document of the other.
    Each group keeps the documents linked with all its members, so a merge is tested in one pass
    over the smaller group rather than over every pair of the two."""
    neighbours: dict[str, set[str]] = {doc_id: set() for doc_id in ids}
    for _, a, b in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    position = {doc_id: n for n, doc_id in enumerate(ids)}
    group_of = {doc_id: [doc_id] for doc_id in ids}
    linked_to_all = {doc_id: neighbours[doc_id] for doc_id in ids}  # by the group's first document
    for _, a, b in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        first, second = group_of[a], group_of[b]
        if first is second or not linked_to_all[first[0]].issuperset(second):
            continue
        linked_to_all[first[0]] = linked_to_all[first[0]] & linked_to_all.pop(second[0])
        first.extend(second)
        for doc_id in second:
            group_of[doc_id] = first
    unique = {id(group): group for group in group_of.values()}
    return [sorted(group, key=position.__getitem__) for group in unique.values()]
