/* gap-suggestion.c — a suggested responsibility and the reasons behind it
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-catalog-private.h"
#include "gap-i18n-private.h"
#include "gap-types-private.h"

struct _GapSuggestion
{
  GObject             parent_instance;

  GapSuggestionBasis  basis;
  GArray             *reasons;
};

G_DEFINE_FINAL_TYPE (GapSuggestion, gap_suggestion, G_TYPE_OBJECT)

static void
gap_suggestion_finalize (GObject *object)
{
  GapSuggestion *self = GAP_SUGGESTION (object);

  g_clear_pointer (&self->reasons, g_array_unref);

  G_OBJECT_CLASS (gap_suggestion_parent_class)->finalize (object);
}

static void
gap_suggestion_class_init (GapSuggestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_suggestion_finalize;
}

static void
gap_suggestion_init (GapSuggestion *self)
{
}

GapSuggestion *
_gap_suggestion_new (GapSuggestionBasis  basis,
                     GArray             *reasons)
{
  GapSuggestion *self = g_object_new (GAP_TYPE_SUGGESTION, NULL);

  g_assert (reasons != NULL);
  g_assert (basis == GAP_SUGGESTION_BASIS_LAYERS || reasons->len == 0);

  self->basis = basis;
  self->reasons = reasons;

  return self;
}

GapResponsibility
gap_suggestion_get_responsibility (GapSuggestion *self)
{
  g_return_val_if_fail (GAP_IS_SUGGESTION (self), GAP_RESPONSIBILITY_ORGANIZATION);

  /* Never INHERITED: even Microsoft marks its ISO 27001 controls shared. */
  return self->reasons->len > 0 ? GAP_RESPONSIBILITY_SHARED : GAP_RESPONSIBILITY_ORGANIZATION;
}

guint
gap_suggestion_get_n_reasons (GapSuggestion *self)
{
  g_return_val_if_fail (GAP_IS_SUGGESTION (self), 0);

  return self->reasons->len;
}

const GapSuggestionReason *
gap_suggestion_get_reason (GapSuggestion *self,
                           guint          index)
{
  g_return_val_if_fail (GAP_IS_SUGGESTION (self), NULL);
  g_return_val_if_fail (index < self->reasons->len, NULL);

  return &g_array_index (self->reasons, GapSuggestionReason, index);
}

char **
gap_suggestion_dup_service_ids (GapSuggestion *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (GAP_IS_SUGGESTION (self), NULL);

  for (guint i = 0; i < self->reasons->len; i++)
    {
      const char *id = gap_service_get_id (g_array_index (self->reasons, GapSuggestionReason,
                                                          i).service);

      if (g_hash_table_add (seen, (gpointer) id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* The models' own abbreviations, the same in every language. */
static const char *
model_abbreviation (GapServiceModelFlags model)
{
  switch ((int) model)
    {
    case GAP_SERVICE_MODEL_SAAS: return "SaaS";
    case GAP_SERVICE_MODEL_PAAS: return "PaaS";
    case GAP_SERVICE_MODEL_IAAS: return "IaaS";
    default: g_assert_not_reached ();
    }
}

char *
gap_suggestion_describe (GapSuggestion *self,
                         const char    *lang)
{
  GString *text;

  g_return_val_if_fail (GAP_IS_SUGGESTION (self), NULL);

  /* Titles fall back this way too: any Chinese is zh_TW, anything else English. */
  if (lang == NULL)
    lang = gap_current_language ();
  lang = g_str_has_prefix (lang, "zh") ? "zh_TW" : "en";

  switch (self->basis)
    {
    case GAP_SUGGESTION_BASIS_CLAUSE:
      return g_strdup (_gap_gettext_for (lang,
                                         N_("Clause requirements are always the organization’s own.")));
    case GAP_SUGGESTION_BASIS_NO_LAYER:
      return g_strdup (_gap_gettext_for (lang,
                                         N_("A governance, people or process control: always the "
                                            "organization’s own.")));
    case GAP_SUGGESTION_BASIS_LAYERS:
    default:
      break;
    }

  if (self->reasons->len == 0)
    return g_strdup (_gap_gettext_for (lang,
                                       N_("No service in use runs any part of this control: it is "
                                          "the organization’s own.")));

  text = g_string_new (NULL);
  for (guint i = 0; i < self->reasons->len; i++)
    {
      const GapSuggestionReason *reason = &g_array_index (self->reasons, GapSuggestionReason, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              reason->owner == GAP_LAYER_OWNER_PROVIDER
                              /* Translators: a layer, a service, its service model
                               * (SaaS, PaaS, IaaS) and a certificate family */
                              ? _gap_gettext_for (lang, N_("%s: run by Microsoft for %s (%s), "
                                                           "covered by “%s”."))
                              /* Translators: a layer, a service, its service model
                               * (SaaS, PaaS, IaaS) and a certificate family */
                              : _gap_gettext_for (lang, N_("%s: shared with Microsoft for %s (%s), "
                                                           "covered by “%s”.")),
                              _gap_gettext_for (lang, _gap_layer_get_msgid (reason->layer)),
                              gap_service_get_name (reason->service, lang),
                              model_abbreviation (reason->model),
                              gap_cert_family_get_title (reason->family, lang));
    }

  return g_string_free (text, FALSE);
}
