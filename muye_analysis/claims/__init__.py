"""The claim library: every sentence the suite shows an official is a claim.

A claim is a function of the data that returns its numbers and the condition under which it may
be said (:class:`~muye_analysis.claims.base.Claim`); it is rendered only when the condition
holds, by the one renderer (:func:`muye_analysis.vocab.say`), in the one vocabulary. Claims
whose inputs differ in 口径 (a nominal revenue and a real value added, key-project investment
and fixed-asset investment) carry a ``caveat`` and are worded as a question to check (值得关注),
never as a finding.

Modules: :mod:`~muye_analysis.claims.base` (the dataclasses), ``report`` (claims on the report
alone: scale, ranks, targets against last year, the chart takeaways), ``plan`` (the plan's
internal consistency), ``ytd`` (claims on the year-to-date store: gaps, 进度监测 statuses,
forecasts), ``closing`` (亮点 / 短板 / 风险 and 下一步需关注, assembled from the others).

Importing this package imports nothing else: the submodules load when used.
"""
