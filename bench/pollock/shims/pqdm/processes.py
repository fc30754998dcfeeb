"""Stand-in for `pqdm.processes.pqdm` (PyPI `pqdm`, not in Debian; PyPI is unreachable here).

A sequential map with the same call shape Pollock's evaluate.py uses:
pqdm(args, fn, n_jobs=..., argument_type="kwargs") → [fn(**a) for a in args], in order.
Runs in one process whatever n_jobs says (the benchmark machine is shared; n_jobs=1 anyway).
"""


def pqdm(array, function, n_jobs=1, argument_type=None, **_ignored):
    if argument_type == "kwargs":
        return [function(**a) for a in array]
    if argument_type == "args":
        return [function(*a) for a in array]
    return [function(a) for a in array]
