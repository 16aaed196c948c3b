"""The interface in each language: gettext catalogs compiled by the build, and the Jinja callables.

Templates mark their text with ``{% trans %}`` and ``_()`` (Jinja's i18n extension). Each
language's catalog, ``<theme>/translations/<code>/LC_MESSAGES/messages.po``, is compiled to
.mo in memory with Babel on the first page of a build; a page is written in the language its
context names (``page_lang``, else its briefing's or page's ``lang``). A text the catalog
lacks, or has not translated, stays in English.
"""

from __future__ import annotations

import gettext
import io
import logging
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from contract.build import build_state
from contract.languages import default_language

logger = logging.getLogger(__name__)

DOMAIN = "messages"
# The build's note of each language's compiled catalog.
CATALOGS = "languages.catalogs"


def catalog_file(lang: str, settings: dict[str, Any]) -> Path:
    """Return where the catalog of ``lang`` is: theme/translations/<lang>/LC_MESSAGES/."""
    folder = Path(settings["THEME"]) / settings.get("LANGUAGES_CATALOG_PATH", "translations")
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalog(path: Path, lang: str) -> gettext.NullTranslations:
    """Return the translations of a .po file, compiled to .mo by Babel, in memory."""
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang.replace("-", "_"))
    # Untranslated messages are left out, so gettext falls back to the English text.
    for message in list(catalog)[1:]:
        if not message.string or (isinstance(message.string, tuple) and not all(message.string)):
            catalog.delete(message.id, context=message.context)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translations_for(lang: str, settings: dict[str, Any]) -> gettext.NullTranslations:
    """Return the compiled catalog of ``lang`` for this build (English text when it has none)."""
    catalogs = build_state(settings).notes.setdefault(CATALOGS, {})
    if lang not in catalogs:
        path = catalog_file(lang, settings)
        if path.is_file():
            catalogs[lang] = compile_catalog(path, lang)
        else:
            if lang != default_language(settings):
                logger.warning("languages: no catalog for %s at %s; pages show English", lang, path)
            catalogs[lang] = gettext.NullTranslations()
    return catalogs[lang]


def page_language(context: Context | dict[str, Any]) -> str:
    """Return the language a page is written in, as its template context says."""
    lang = context.get("page_lang")
    if lang:
        return lang
    for key in ("article", "page"):
        content = context.get(key)
        if getattr(content, "lang", None):
            return content.lang
    return context.get("DEFAULT_LANG") or "en"


def gettext_callables(settings: dict[str, Any]) -> dict[str, Any]:
    """Return ``gettext`` and ``ngettext`` that translate into the page's language.

    They behave as Jinja's "newstyle" gettext: the text is autoescaped and its
    ``%(name)s`` placeholders are filled from keyword arguments, escaped.
    """

    @pass_context
    def page_gettext(context: Context, message: str, **variables: Any) -> str:
        text = translations_for(page_language(context), settings).gettext(message)
        return _filled(context, text, variables)

    @pass_context
    def page_ngettext(
        context: Context, singular: str, plural: str, number: int, **variables: Any
    ) -> str:
        variables.setdefault("num", number)
        catalog = translations_for(page_language(context), settings)
        return _filled(context, catalog.ngettext(singular, plural, number), variables)

    return {"gettext": page_gettext, "ngettext": page_ngettext}


def _filled(context: Context, text: str, variables: dict[str, Any]) -> str:
    if context.eval_ctx.autoescape:
        text = Markup(text)
    # Newstyle messages keep "%%" for "%": only a text with a "%" needs formatting.
    return text % variables if "%" in text else text


def install_catalogs(generator: Any) -> None:
    """Give the templates of ``generator`` the catalogs of every language (``{% trans %}``)."""
    env = getattr(generator, "env", None)
    if env is None or "jinja2.ext.InternationalizationExtension" not in env.extensions:
        return
    callables = gettext_callables(generator.settings)
    # newstyle: {% trans %} and _() pass their placeholders as keyword arguments.
    env.install_gettext_callables(callables["gettext"], callables["ngettext"], newstyle=True)
    # Jinja wraps each callable in its own newstyle layer, and `_` in one more; a page
    # makes dozens of these calls and a build hundreds of thousands, so the templates call
    # ours, which already behave as newstyle, directly.
    env.globals.update(callables, _=callables["gettext"])
