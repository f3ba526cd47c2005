"""Case compilations (典型案例汇编) and briefings (简报) for the library's regular promotion
("并开展定期宣传推广").

* A **compilation** is a booklet of chosen published cases: picked from a search, from the
  cases reviewers recommended for 典型案例汇编, or one by one; ordered by theme, region,
  rating or by hand; written as a Word document in the style of an official publication
  (cover, a table of contents Word updates, one chapter per theme of the catalogue, each case
  laid out like the 申报表, page numbers) and, with LibreOffice, as a PDF. It is saved (who,
  when, which cases, which options) and can be regenerated.
* A **briefing** is the short news of the cases published in a period (a month, a call):
  counts by theme and region and an entry per case, as Word, as a page, and sent as a
  notification.

Modules: ``models`` (records), ``selection`` (which cases, in which order), ``writer`` (the
.docx of a compilation), ``officestyle`` and ``fonts`` (the official-document style shared with
the briefing), ``build`` (create and regenerate), ``read`` (list, show, files, the
compilations a case is in), ``pdf`` (the PDF through LibreOffice, a background job),
``briefing``.
"""
