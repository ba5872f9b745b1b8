/* test-types.c — the vocabulary's msgids, one table for labels and reports
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-core.h"
#include "gap-types-private.h"

typedef const char *(*WordFunc) (int value);

/* @values are every value of the type (flags: every single flag), then -1. */
static void
check_type (const char *name,
            WordFunc    get_msgid,
            WordFunc    get_label,
            const int  *values,
            int         unknown)
{
  for (guint i = 0; values[i] != -1; i++)
    {
      const char *msgid = get_msgid (values[i]);

      if (msgid == NULL)
        g_error ("%s %d has no msgid", name, values[i]);
      /* The tests run in the C locale, where a label is its msgid untranslated:
       * the same entry of the same table. */
      g_assert_true (get_label (values[i]) != NULL);
      g_assert_cmpstr (get_label (values[i]), ==, msgid);
    }
  g_assert_null (get_msgid (unknown));
}

#define CHECK(name, prefix, unknown, ...)                                              \
  G_STMT_START {                                                                       \
    static const int values_[] = { __VA_ARGS__, -1 };                                 \
    check_type (name, (WordFunc) _gap_##prefix##_get_msgid,                           \
                (WordFunc) gap_##prefix##_get_label, values_, unknown);                \
  } G_STMT_END

static void
test_msgids (void)
{
  CHECK ("edition", edition, 7, GAP_EDITION_2013, GAP_EDITION_2022);
  CHECK ("layer", layer, GAP_LAYER_INFORMATION_DATA | GAP_LAYER_DEVICES,
         GAP_LAYER_INFORMATION_DATA, GAP_LAYER_ACCOUNTS_IDENTITIES, GAP_LAYER_DEVICES,
         GAP_LAYER_IDENTITY_INFRASTRUCTURE, GAP_LAYER_APPLICATIONS, GAP_LAYER_NETWORK_CONTROLS,
         GAP_LAYER_OPERATING_SYSTEM, GAP_LAYER_PHYSICAL_HOSTS, GAP_LAYER_PHYSICAL_NETWORK,
         GAP_LAYER_PHYSICAL_DATACENTER);
  CHECK ("service model", service_model, GAP_SERVICE_MODEL_NONE, GAP_SERVICE_MODEL_SAAS,
         GAP_SERVICE_MODEL_PAAS, GAP_SERVICE_MODEL_IAAS, GAP_SERVICE_MODEL_PROFESSIONAL);
  CHECK ("applicability", applicability, 2, GAP_APPLICABILITY_APPLICABLE,
         GAP_APPLICABILITY_NOT_APPLICABLE);
  CHECK ("status", status, 6, GAP_STATUS_NOT_ASSESSED, GAP_STATUS_NOT_IMPLEMENTED,
         GAP_STATUS_PLANNED, GAP_STATUS_PARTIAL, GAP_STATUS_IMPLEMENTED, GAP_STATUS_ALTERNATIVE);
  CHECK ("responsibility", responsibility, 3, GAP_RESPONSIBILITY_ORGANIZATION,
         GAP_RESPONSIBILITY_SHARED, GAP_RESPONSIBILITY_INHERITED);
  CHECK ("reason", reason, GAP_REASON_NONE, GAP_REASON_LEGAL, GAP_REASON_CONTRACTUAL,
         GAP_REASON_BUSINESS, GAP_REASON_RISK, GAP_REASON_BEST_PRACTICE);
  CHECK ("priority", priority, 5, GAP_PRIORITY_NONE, GAP_PRIORITY_LOW, GAP_PRIORITY_MEDIUM,
         GAP_PRIORITY_HIGH, GAP_PRIORITY_CRITICAL);
  CHECK ("verdict", verdict, GAP_N_VERDICTS, GAP_VERDICT_EXCLUDED, GAP_VERDICT_COVERED,
         GAP_VERDICT_PARTIAL, GAP_VERDICT_AT_RISK, GAP_VERDICT_GAP);
  CHECK ("scope kind", scope_kind, GAP_N_SCOPE_KINDS, GAP_SCOPE_KIND_SITE, GAP_SCOPE_KIND_UNIT,
         GAP_SCOPE_KIND_PROCESS, GAP_SCOPE_KIND_ASSET_GROUP, GAP_SCOPE_KIND_INTERFACE,
         GAP_SCOPE_KIND_INTERESTED_PARTY, GAP_SCOPE_KIND_EXCLUSION);
  CHECK ("certificate state", certificate_state, 3, GAP_CERTIFICATE_STATE_CURRENT,
         GAP_CERTIFICATE_STATE_UNVERIFIED, GAP_CERTIFICATE_STATE_STALE);
}

/* A suggestion names its layers in the words of the layer table, in either
 * language (English here: the C locale has no other). */
static void
test_suggestion_layer_words (void)
{
  g_autoptr(GError) error = NULL;
  GapCatalog *catalog = gap_catalog_get_default (&error);
  GListModel *controls;
  const char * const in_use[] = { "azure", "office-365", NULL };
  guint described = 0;

  g_assert_no_error (error);
  controls = gap_catalog_get_controls (catalog, GAP_EDITION_2022);
  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      g_autoptr(GapSuggestion) suggestion = gap_catalog_suggest (catalog, control, in_use);
      g_autofree char *text = gap_suggestion_describe (suggestion, "en");
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint j = 0; j < gap_suggestion_get_n_reasons (suggestion); j++)
        {
          const GapSuggestionReason *reason = gap_suggestion_get_reason (suggestion, j);
          g_autofree char *start = g_strconcat (_gap_layer_get_msgid (reason->layer), ": ", NULL);

          g_assert_true (g_str_has_prefix (lines[j], start));
          described++;
        }
    }
  g_assert_cmpuint (described, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/types/msgids", test_msgids);
  g_test_add_func ("/core/types/suggestion-layer-words", test_suggestion_layer_words);

  return g_test_run ();
}
