"""Assessment statistics (入库考核统计): figures per region (province › city › county, rolled
up), unit, year, case type and call; the score of each region and unit from the weights of
the year (versioned, frozen once the year is over) with its rank and explanation; the list
of cases behind every figure; the .xlsx and CSV exports.

The figures are a report over the cases' records (cases, their history, reviews; read only)
and the workflow's call completions (:func:`library.workflow.calls.completions`, the
semantics of a call's progress). Definitions: ``library/stats/figures.py`` and the README.
"""
