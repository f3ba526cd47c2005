"""The audit log as people read it (省营商办, ``audit.read``): every action code's Chinese
name, details in words (fields by their 申报表 titles, states, roles and regions by name,
times in 北京时间), filters by person, action, object and Beijing date, paging, and the
filtered rows as an .xlsx workbook. The rows themselves are written by each feature
(:func:`library.accounts.audit.record`); this feature only reads them, so it may know
every feature's words."""
