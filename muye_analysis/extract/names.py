"""Counts that name something rather than count it: a policy by its number of articles
(25条稳增长贯彻实施意见, 八条政策措施) and a slogan's number (统筹一个阵地、五个新晃建设).

Split from ``mentions.py`` (which asks ``names_by_count`` before keeping a counted number).
"""

from __future__ import annotations

import re

# N条 before the document or package it names: 提出了25条稳增长贯彻实施意见, 出台…八条政策措施
# (a list of such, 稳增长24条、…18条等各项政策措施, is ``mentions._is_policy_name``'s).
_POLICY_AFTER = re.compile(r"[^，,。；;、\d]{0,10}?(?:意见|措施|政策|举措|办法|细则)")
# A count in words before a short name and 建设: 五个新晃建设, 三个中心建设 (a slogan, not five of
# something; 5个项目建设 and 135个重点项目建设 count projects).
_SLOGAN_AFTER = re.compile(r"(?![^，,。；;、\d]{0,4}项目)[\u4e00-\u9fff]{1,4}建设")


def names_by_count(scan: str, end: int, base: str, chinese: bool) -> bool:
    """Whether the counted number ending at ``end`` (its unit ``base``, in words if ``chinese``)
    is part of a name."""
    if base == "条" and _POLICY_AFTER.match(scan, end):
        return True
    return chinese and base == "个" and bool(_SLOGAN_AFTER.match(scan, end))
