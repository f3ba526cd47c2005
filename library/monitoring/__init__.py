"""监测预警 and 整改举措: indicators, values, warnings and their explanation, rectifications.

One module per use case: ``indicators`` (the 一级/二级指标 vocabulary and its rules),
``values`` (importing values), ``figures`` (the comparison and the explanation, pure),
``warnings`` (computing, listing, reading, closing warnings; the map and a region's page),
``methods`` (the 整改方式 vocabulary), ``rectifications`` and ``evidence`` (整改举措 and their
佐证材料), ``bridge`` (the case library: suggested cases, 整改借鉴 cases naming a warning),
``assessment`` (the rectifications the assessment statistics count).
"""

from __future__ import annotations

from ..cases import submit as _case_form
from .assessment import stats_events
from .bridge import check_case_link

__all__ = ["stats_events"]

# A case of type 整改借鉴 may name the warning it answers: the cases' form checks it here.
_case_form.LINK_CHECKS["warning_id"] = check_case_link
