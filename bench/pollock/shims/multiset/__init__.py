"""Stand-in for the PyPI package `multiset` (not in Debian; PyPI is unreachable here).

Implements only what Pollock's pollock/metrics.py calls: Multiset(iterable), .intersection(other)
(the minimum of both multiplicities), .items() (element, multiplicity) and len() (the total
multiplicity, counting repeats), with the same semantics as multiset 3.0.1.
"""
from collections import Counter


class Multiset:
    def __init__(self, iterable=None):
        self._c = Counter(iterable or [])

    def intersection(self, *others):
        out = Multiset()
        c = Counter(self._c)
        for o in others:
            c = c & (o._c if isinstance(o, Multiset) else Counter(o))
        out._c = c
        return out

    def items(self):
        return self._c.items()

    def __len__(self):
        return sum(self._c.values())

    def __contains__(self, x):
        return x in self._c
