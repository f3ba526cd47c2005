"""监测预警 and 整改举措: indicators, values, warnings and their explanation, rectifications.

One module per use case: ``indicators`` (the 一级/二级指标 vocabulary and its rules),
``values`` (importing values), ``figures`` (the comparison and the explanation, pure),
``warnings`` (computing, listing, reading, closing warnings; the map and a region's page),
``methods`` (the 整改方式 vocabulary), ``rectifications`` and ``evidence`` (整改举措 and their
佐证材料), ``bridge`` (the case library: suggested cases, 整改借鉴 cases naming a warning),
``assessment`` (the rectifications the assessment statistics count).
"""

from __future__ import annotations

from ..cases.links import LINK_CHECKS
from .assessment import stats_events

__all__ = ["stats_events"]


def _check_case_link(session, warning_id):
    # Imported when a form names a warning, not with the package: the bridge imports the
    # cases' search, which a process that only opens the library need not load.
    from .bridge import check_case_link

    return check_case_link(session, warning_id)


# A case of type 整改借鉴 may name the warning it answers: the cases' form checks it here.
LINK_CHECKS["warning_id"] = _check_case_link
