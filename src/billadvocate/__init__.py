"""billadvocate: a medical billing advocate in software.

The library's front door: load a case, review it.

    from billadvocate import load_case, review_case
    case = load_case("examples/er-visit-nonprofit/case.yaml")
    result = review_case(case)
"""

__version__ = "0.1.0"


def load_case(path):
    from .casefile import load_case as _load

    return _load(path)


def review_case(case, as_of=None):
    from .review import review_case as _review

    return _review(case, as_of=as_of)
