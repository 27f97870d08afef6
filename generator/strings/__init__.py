"""The strings layer: every interface string a reader sees or hears, in every language, from layered files.

``generator/locales/<lang>.yaml`` ships the interface strings (generated pages, quiz runtime, theme chrome) of
the kit's languages; a kit folder's ``locales/`` and the organisation's ``locales/<lang>.yaml`` override or complete
them key by key (:mod:`~generator.strings.files`). Counted strings carry one form per CLDR plural category
(:mod:`~generator.strings.plurals`). Text shown in another language than the page's is wrapped in invisible
marks that become ``lang`` attributes in the built HTML (:mod:`~generator.strings.marks`). Sorted lists follow
the language's alphabet (:mod:`~generator.strings.collation`). Nothing here imports MkDocs or renders pages:
:class:`generator.render.localize.Localizer` is the one place pages ask for a string.
"""
