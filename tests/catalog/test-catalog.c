/* test-catalog.c — the shipped catalog: completeness, titles, mapping, services
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gap-core.h"

#define RESOURCE_CATALOG "/io/github/ismsgap/IsmsGap/catalog/"

static GapCatalog *
get_catalog (void)
{
  g_autoptr(GError) error = NULL;
  GapCatalog *catalog = gap_catalog_get_default (&error);

  g_assert_no_error (error);
  g_assert_true (GAP_IS_CATALOG (catalog));
  return catalog;
}

/* "A.5:2 A.6:3" → "A.5.1 A.5.2 A.6.1 A.6.2 A.6.3": children numbered from 1. */
static GStrv
expand_counts (const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", 2);
      guint n = (guint) g_ascii_strtoull (pair[1], NULL, 10);

      for (guint j = 1; j <= n; j++)
        {
          g_autofree char *id = g_strdup_printf ("%s.%u", pair[0], j);

          g_strv_builder_add (builder, id);
        }
    }

  return g_strv_builder_end (builder);
}

/* The IDs of the controls of @kind in @model, in order, space-separated. */
static char *
control_ids (GListModel     *model,
             GapControlKind  kind)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (model, i);

      if (gap_control_get_kind (control) != kind)
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, gap_control_get_id (control));
    }

  return g_string_free (ids, FALSE);
}

static void
test_resources_registered (void)
{
  static const char * const files[] = {
    "iso27001-2013.json", "iso27001-2022.json", "mapping-2013-2022.json", "services.json",
  };

  /* Registered by the constructor in the static library, before any call. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_CATALOG, files[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
    }
}

static void
test_default_shared (void)
{
  GapCatalog *catalog = get_catalog ();

  g_assert_true (gap_catalog_get_default (NULL) == catalog);
}

static void
test_2013_structure (void)
{
  GapCatalog *catalog = get_catalog ();
  static const char *objectives_spec =
    "A.5:1 A.6:2 A.7:3 A.8:3 A.9:4 A.10:1 A.11:2 A.12:7 A.13:2 A.14:3 A.15:2 A.16:1 A.17:2 A.18:2";
  static const char *controls_spec =
    "A.5.1:2 A.6.1:5 A.6.2:2 A.7.1:2 A.7.2:3 A.7.3:1 A.8.1:4 A.8.2:3 A.8.3:3 "
    "A.9.1:2 A.9.2:6 A.9.3:1 A.9.4:5 A.10.1:2 A.11.1:6 A.11.2:9 "
    "A.12.1:4 A.12.2:1 A.12.3:1 A.12.4:4 A.12.5:1 A.12.6:2 A.12.7:1 A.13.1:3 A.13.2:4 "
    "A.14.1:3 A.14.2:9 A.14.3:1 A.15.1:3 A.15.2:2 A.16.1:7 A.17.1:3 A.17.2:1 A.18.1:5 A.18.2:3";
  g_auto(GStrv) objectives = expand_counts (objectives_spec);
  g_auto(GStrv) controls = expand_counts (controls_spec);
  g_autofree char *expected = g_strjoinv (" ", controls);
  g_autofree char *found = NULL;
  GListModel *groups = gap_catalog_get_groups (catalog, GAP_EDITION_2013);
  GListModel *objective_model = gap_catalog_get_objectives (catalog, GAP_EDITION_2013);
  guint n_domains = 0;

  g_assert_cmpuint (g_strv_length (objectives), ==, 35);
  g_assert_cmpuint (g_strv_length (controls), ==, 114);

  /* 7 clauses, then the 14 domains A.5 … A.18 */
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 7 + 14);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *id = i < 7 ? g_strdup_printf ("%u", i + 4)
                                  : g_strdup_printf ("A.%u", i - 7 + 5);

      g_assert_cmpstr (gap_group_get_id (group), ==, id);
      g_assert_null (gap_group_get_parent_id (group));
      g_assert_cmpint (gap_group_get_kind (group), ==,
                       i < 7 ? GAP_CONTROL_KIND_CLAUSE : GAP_CONTROL_KIND_ANNEX);
      n_domains += i >= 7;
    }
  g_assert_cmpuint (n_domains, ==, 14);

  g_assert_cmpuint (g_list_model_get_n_items (objective_model), ==, 35);
  for (guint i = 0; i < 35; i++)
    {
      g_autoptr(GapGroup) objective = g_list_model_get_item (objective_model, i);
      GListModel *members = gap_group_get_controls (objective);

      g_assert_cmpstr (gap_group_get_id (objective), ==, objectives[i]);
      g_assert_true (g_str_has_prefix (objectives[i], gap_group_get_parent_id (objective)));
      g_assert_cmpuint (g_list_model_get_n_items (members), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (members); j++)
        {
          g_autoptr(GapControl) control = g_list_model_get_item (members, j);

          g_assert_cmpstr (gap_control_get_objective_id (control), ==, objectives[i]);
          g_assert_cmpstr (gap_control_get_group_id (control), ==,
                           gap_group_get_parent_id (objective));
        }
    }

  found = control_ids (gap_catalog_get_controls (catalog, GAP_EDITION_2013),
                       GAP_CONTROL_KIND_ANNEX);
  g_assert_cmpstr (found, ==, expected);

  /* A domain lists the controls of all its objectives. */
  g_assert_cmpuint (g_list_model_get_n_items (
                      gap_group_get_controls (gap_catalog_lookup_group (catalog, GAP_EDITION_2013,
                                                                        "A.12"))), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (
                      gap_group_get_controls (gap_catalog_lookup_group (catalog, GAP_EDITION_2013,
                                                                        "A.11"))), ==, 15);
}

static void
test_2022_structure (void)
{
  GapCatalog *catalog = get_catalog ();
  g_auto(GStrv) controls = expand_counts ("A.5:37 A.6:8 A.7:14 A.8:34");
  g_autofree char *expected = g_strjoinv (" ", controls);
  g_autofree char *found = NULL;
  GListModel *groups = gap_catalog_get_groups (catalog, GAP_EDITION_2022);
  static const guint sizes[] = { 37, 8, 14, 34 };

  g_assert_cmpuint (g_strv_length (controls), ==, 93);
  g_assert_cmpuint (g_list_model_get_n_items (gap_catalog_get_objectives (catalog,
                                                                           GAP_EDITION_2022)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 7 + 4);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GapGroup) theme = g_list_model_get_item (groups, 7 + i);
      g_autofree char *id = g_strdup_printf ("A.%u", i + 5);
      GListModel *members = gap_group_get_controls (theme);

      g_assert_cmpstr (gap_group_get_id (theme), ==, id);
      g_assert_cmpint (gap_group_get_kind (theme), ==, GAP_CONTROL_KIND_ANNEX);
      g_assert_cmpuint (g_list_model_get_n_items (members), ==, sizes[i]);
      for (guint j = 0; j < sizes[i]; j++)
        {
          g_autoptr(GapControl) control = g_list_model_get_item (members, j);

          g_assert_cmpstr (gap_control_get_group_id (control), ==, id);
          g_assert_null (gap_control_get_objective_id (control));
        }
    }

  found = control_ids (gap_catalog_get_controls (catalog, GAP_EDITION_2022),
                       GAP_CONTROL_KIND_ANNEX);
  g_assert_cmpstr (found, ==, expected);
}

static void
check_clauses (GapEdition  edition,
               const char *expected)
{
  GapCatalog *catalog = get_catalog ();
  GListModel *controls = gap_catalog_get_controls (catalog, edition);
  g_autofree char *found = control_ids (controls, GAP_CONTROL_KIND_CLAUSE);
  guint n_clause = 0;

  g_assert_cmpstr (found, ==, expected);

  /* Clause requirements first, each under its clause, with no layers. */
  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      g_autofree char *prefix = NULL;

      if (gap_control_get_kind (control) != GAP_CONTROL_KIND_CLAUSE)
        continue;
      g_assert_cmpuint (i, ==, n_clause++);
      prefix = g_strconcat (gap_control_get_group_id (control), ".", NULL);
      g_assert_true (g_str_has_prefix (gap_control_get_id (control), prefix));
      g_assert_cmpint (gap_control_get_layers (control), ==, GAP_LAYER_NONE);
      g_assert_false (gap_control_get_is_new (control));
    }
}

static void
test_2022_clauses (void)
{
  check_clauses (GAP_EDITION_2022,
                 "4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1.1 6.1.2 6.1.3 6.2 6.3 7.1 7.2 7.3 7.4 "
                 "7.5.1 7.5.2 7.5.3 8.1 8.2 8.3 9.1 9.2.1 9.2.2 9.3.1 9.3.2 9.3.3 10.1 10.2");
}

static void
test_2013_clauses (void)
{
  check_clauses (GAP_EDITION_2013,
                 "4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1.1 6.1.2 6.1.3 6.2 7.1 7.2 7.3 7.4 "
                 "7.5.1 7.5.2 7.5.3 8.1 8.2 8.3 9.1 9.2 9.3 10.1 10.2");
}

static void
test_new_controls (void)
{
  GapCatalog *catalog = get_catalog ();
  GListModel *controls_2022 = gap_catalog_get_controls (catalog, GAP_EDITION_2022);
  GListModel *controls_2013 = gap_catalog_get_controls (catalog, GAP_EDITION_2013);
  GString *found = g_string_new (NULL);
  g_autofree char *ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controls_2022); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls_2022, i);

      if (!gap_control_get_is_new (control))
        continue;
      if (found->len > 0)
        g_string_append_c (found, ' ');
      g_string_append (found, gap_control_get_id (control));
    }
  ids = g_string_free (found, FALSE);
  g_assert_cmpstr (ids, ==,
                   "A.5.7 A.5.23 A.5.30 A.7.4 A.8.9 A.8.10 A.8.11 A.8.12 A.8.16 A.8.23 A.8.28");

  for (guint i = 0; i < g_list_model_get_n_items (controls_2013); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls_2013, i);

      g_assert_false (gap_control_get_is_new (control));
    }
}

/* Common Simplified forms: Taiwan readers must never meet them. */
static const char * const simplified[] = {
  "信息", "数据", "软件", "网络", "访问", "审核", "认证",
  "资", "产", "组", "织", "设", "计", "务", "开", "发", "运", "维", "环", "应", "实", "现",
  "储", "处", "业", "规", "划", "录", "证", "责", "试", "监", "络",
  "权", "码", "备", "续", "险", "评", "认", "审", "访", "员", "际", "构", "数", "软", "网",
  "线", "连", "时", "间", "经", "营", "质", "报", "门", "义", "这", "们", "对", "关",
};

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x4e00 && c <= 0x9fff)
        return TRUE;
    }
  return FALSE;
}

static void
check_titles (const char *what,
              const char *id,
              const char *en,
              const char *zh_tw,
              gboolean    zh_needs_han)
{
  g_assert_nonnull (en);
  g_assert_nonnull (zh_tw);
  if (*en == '\0' || *zh_tw == '\0')
    g_error ("%s %s: an empty title", what, id);
  if (*en == ' ' || *zh_tw == ' ' || g_str_has_suffix (en, " ") || g_str_has_suffix (zh_tw, " "))
    g_error ("%s %s: a title begins or ends with a space", what, id);
  if (has_cjk (en))
    g_error ("%s %s: English title “%s” holds Chinese characters", what, id, en);
  if (zh_needs_han && !has_cjk (zh_tw))
    g_error ("%s %s: zh_TW title “%s” holds no Chinese characters", what, id, zh_tw);
  for (guint i = 0; i < G_N_ELEMENTS (simplified); i++)
    if (strstr (zh_tw, simplified[i]) != NULL)
      g_error ("%s %s: zh_TW title “%s” has the Simplified form “%s”", what, id, zh_tw,
               simplified[i]);
}

static void
test_titles (void)
{
  GapCatalog *catalog = get_catalog ();
  static const GapEdition editions[] = { GAP_EDITION_2013, GAP_EDITION_2022 };
  GListModel *services = gap_catalog_get_services (catalog);
  GListModel *families = gap_catalog_get_cert_families (catalog);

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      GListModel *lists[] = {
        gap_catalog_get_groups (catalog, editions[e]),
        gap_catalog_get_objectives (catalog, editions[e]),
      };
      GListModel *controls = gap_catalog_get_controls (catalog, editions[e]);

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
          {
            g_autoptr(GapGroup) group = g_list_model_get_item (lists[l], i);

            check_titles ("group", gap_group_get_id (group), gap_group_get_title (group, "en"),
                          gap_group_get_title (group, "zh_TW"), TRUE);
          }

      for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
        {
          g_autoptr(GapControl) control = g_list_model_get_item (controls, i);

          check_titles ("control", gap_control_get_id (control),
                        gap_control_get_title (control, "en"),
                        gap_control_get_title (control, "zh_TW"), TRUE);
        }
    }

  /* Microsoft's product names stay Latin in zh_TW ("Azure"): no Han needed. */
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);

      check_titles ("service", gap_service_get_id (service), gap_service_get_name (service, "en"),
                    gap_service_get_name (service, "zh_TW"), FALSE);
    }
  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (families, i);

      check_titles ("family", gap_cert_family_get_id (family),
                    gap_cert_family_get_title (family, "en"),
                    gap_cert_family_get_title (family, "zh_TW"), FALSE);
    }
}

static void
test_interface_language (void)
{
  GapCatalog *catalog = get_catalog ();
  GapControl *control = gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "A.5.1");
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_nonnull (control);

  g_setenv ("LANGUAGE", "zh_TW", TRUE);
  g_assert_cmpstr (gap_current_language (), ==, "zh_TW");
  g_assert_cmpstr (gap_control_get_title (control, NULL), ==,
                   gap_control_get_title (control, "zh_TW"));

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (gap_control_get_title (control, NULL), ==,
                   gap_control_get_title (control, "en"));
  g_assert_cmpstr (gap_control_get_title (control, "en"), !=,
                   gap_control_get_title (control, "zh_TW"));

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_lookups (void)
{
  GapCatalog *catalog = get_catalog ();
  static const GapEdition editions[] = { GAP_EDITION_2013, GAP_EDITION_2022 };
  GapControl *clause, *annex;

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      GListModel *controls = gap_catalog_get_controls (catalog, editions[e]);
      GListModel *groups = gap_catalog_get_groups (catalog, editions[e]);

      for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
        {
          g_autoptr(GapControl) control = g_list_model_get_item (controls, i);

          g_assert_true (gap_catalog_lookup_control (catalog, editions[e],
                                                     gap_control_get_id (control)) == control);
          g_assert_cmpuint (gap_control_get_position (control), ==, i);
          g_assert_cmpint (gap_control_get_edition (control), ==, editions[e]);
          g_assert_nonnull (gap_catalog_lookup_group (catalog, editions[e],
                                                      gap_control_get_group_id (control)));
        }
      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);

          g_assert_true (gap_catalog_lookup_group (catalog, editions[e],
                                                   gap_group_get_id (group)) == group);
        }
    }

  /* Clause 5.1 and Annex A 5.1 are different things with different IDs. */
  clause = gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "5.1");
  annex = gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "A.5.1");
  g_assert_nonnull (clause);
  g_assert_nonnull (annex);
  g_assert_cmpint (gap_control_get_kind (clause), ==, GAP_CONTROL_KIND_CLAUSE);
  g_assert_cmpint (gap_control_get_kind (annex), ==, GAP_CONTROL_KIND_ANNEX);
  g_assert_cmpstr (gap_control_get_group_id (clause), ==, "5");
  g_assert_cmpstr (gap_control_get_group_id (annex), ==, "A.5");

  g_assert_null (gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "A.5.1.1"));
  g_assert_null (gap_catalog_lookup_control (catalog, GAP_EDITION_2013, "A.5.1"));
  g_assert_null (gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "A.9.99"));
  g_assert_null (gap_catalog_lookup_control (catalog, GAP_EDITION_2022, ""));
  g_assert_null (gap_catalog_lookup_control (catalog, GAP_EDITION_2022, NULL));
  g_assert_null (gap_catalog_lookup_group (catalog, GAP_EDITION_2022, "A.9"));
  g_assert_nonnull (gap_catalog_lookup_group (catalog, GAP_EDITION_2013, "A.9.2"));
  g_assert_null (gap_catalog_lookup_service (catalog, "no-such-service"));
  g_assert_null (gap_catalog_lookup_cert_family (catalog, "no-such-family"));
}

static void
test_mapping_coverage (void)
{
  GapCatalog *catalog = get_catalog ();
  GListModel *controls_2013 = gap_catalog_get_controls (catalog, GAP_EDITION_2013);
  GListModel *controls_2022 = gap_catalog_get_controls (catalog, GAP_EDITION_2022);
  g_autoptr(GPtrArray) pairs = gap_catalog_get_mapping_pairs (catalog);
  guint n_from_2013 = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controls_2013); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls_2013, i);
      g_autoptr(GPtrArray) targets = gap_catalog_map_to_2022 (catalog,
                                                              gap_control_get_id (control));

      if (gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE)
        {
          g_assert_cmpuint (targets->len, ==, 0);
          continue;
        }
      if (targets->len == 0)
        g_error ("2013 control %s maps to nothing", gap_control_get_id (control));
      for (guint j = 0; j < targets->len; j++)
        g_assert_cmpint (gap_control_get_edition (g_ptr_array_index (targets, j)), ==,
                         GAP_EDITION_2022);
      n_from_2013 += targets->len;
    }

  for (guint i = 0; i < g_list_model_get_n_items (controls_2022); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls_2022, i);
      g_autoptr(GPtrArray) sources = gap_catalog_map_to_2013 (catalog,
                                                              gap_control_get_id (control));

      if (gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE ||
          gap_control_get_is_new (control))
        g_assert_cmpuint (sources->len, ==, 0);
      else if (sources->len == 0)
        g_error ("2022 control %s has no 2013 source", gap_control_get_id (control));
    }

  /* The pairs are the same relation, in 2013 order. */
  g_assert_cmpuint (pairs->len % 2, ==, 0);
  g_assert_cmpuint (pairs->len / 2, ==, n_from_2013);
  for (guint i = 2; i < pairs->len; i += 2)
    g_assert_cmpuint (gap_control_get_position (g_ptr_array_index (pairs, i - 2)), <=,
                      gap_control_get_position (g_ptr_array_index (pairs, i)));

  /* "5.1" is clause 5.1, which has no Annex B row; Annex A 5.1 has. */
  {
    g_autoptr(GPtrArray) clause = gap_catalog_map_to_2013 (catalog, "5.1");
    g_autoptr(GPtrArray) annex = gap_catalog_map_to_2013 (catalog, "A.5.1");

    g_assert_cmpuint (clause->len, ==, 0);
    g_assert_cmpuint (annex->len, ==, 2);
  }
  {
    g_autoptr(GPtrArray) none = gap_catalog_map_to_2022 (catalog, "A.99.1.1");
    g_autoptr(GPtrArray) null_id = gap_catalog_map_to_2013 (catalog, NULL);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (null_id->len, ==, 0);
  }
}

/* ISO/IEC 27002:2022 Annex B, Table B.1, written out for this test from the
 * standard: each 2022 control (as 27002 numbers it) and the 2013 controls it
 * comes from. The 11 new controls have no row. An independent check of
 * data/catalog/mapping-2013-2022.json. */
static const char * const annex_b[] = {
  "5.1 5.1.1 5.1.2", "5.2 6.1.1", "5.3 6.1.2", "5.4 7.2.1", "5.5 6.1.3", "5.6 6.1.4",
  "5.8 6.1.5 14.1.1", "5.9 8.1.1 8.1.2", "5.10 8.1.3 8.2.3", "5.11 8.1.4", "5.12 8.2.1",
  "5.13 8.2.2", "5.14 13.2.1 13.2.2 13.2.3", "5.15 9.1.1 9.1.2", "5.16 9.2.1",
  "5.17 9.2.4 9.3.1 9.4.3", "5.18 9.2.2 9.2.5 9.2.6", "5.19 15.1.1", "5.20 15.1.2",
  "5.21 15.1.3", "5.22 15.2.1 15.2.2", "5.24 16.1.1", "5.25 16.1.4", "5.26 16.1.5",
  "5.27 16.1.6", "5.28 16.1.7", "5.29 17.1.1 17.1.2 17.1.3", "5.31 18.1.1 18.1.5",
  "5.32 18.1.2", "5.33 18.1.3", "5.34 18.1.4", "5.35 18.2.1", "5.36 18.2.2 18.2.3",
  "5.37 12.1.1",
  "6.1 7.1.1", "6.2 7.1.2", "6.3 7.2.2", "6.4 7.2.3", "6.5 7.3.1", "6.6 13.2.4", "6.7 6.2.2",
  "6.8 16.1.2 16.1.3",
  "7.1 11.1.1", "7.2 11.1.2 11.1.6", "7.3 11.1.3", "7.5 11.1.4", "7.6 11.1.5", "7.7 11.2.9",
  "7.8 11.2.1", "7.9 11.2.6", "7.10 8.3.1 8.3.2 8.3.3 11.2.5", "7.11 11.2.2", "7.12 11.2.3",
  "7.13 11.2.4", "7.14 11.2.7",
  "8.1 6.2.1 11.2.8", "8.2 9.2.3", "8.3 9.4.1", "8.4 9.4.5", "8.5 9.4.2", "8.6 12.1.3",
  "8.7 12.2.1", "8.8 12.6.1 18.2.3", "8.13 12.3.1", "8.14 17.2.1", "8.15 12.4.1 12.4.2 12.4.3",
  "8.17 12.4.4", "8.18 9.4.4", "8.19 12.5.1 12.6.2", "8.20 13.1.1", "8.21 13.1.2",
  "8.22 13.1.3", "8.24 10.1.1 10.1.2", "8.25 14.2.1", "8.26 14.1.2 14.1.3", "8.27 14.2.5",
  "8.29 14.2.8 14.2.9", "8.30 14.2.7", "8.31 12.1.4 14.2.6", "8.32 12.1.2 14.2.2 14.2.3 14.2.4",
  "8.33 14.3.1", "8.34 12.7.1",
};

static void
test_mapping_annex_b (void)
{
  GapCatalog *catalog = get_catalog ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pairs = gap_catalog_get_mapping_pairs (catalog);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) extra = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (annex_b); i++)
    {
      g_auto(GStrv) row = g_strsplit (annex_b[i], " ", -1);

      for (guint j = 1; row[j] != NULL; j++)
        g_assert_true (g_hash_table_add (expected, g_strdup_printf ("A.%s→A.%s", row[j], row[0])));
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 115);

  for (guint i = 0; i < pairs->len; i += 2)
    {
      g_autofree char *key = g_strdup_printf ("%s→%s",
                                              gap_control_get_id (g_ptr_array_index (pairs, i)),
                                              gap_control_get_id (g_ptr_array_index (pairs, i + 1)));

      if (!g_hash_table_remove (expected, key))
        g_string_append_printf (extra, " %s", key);
    }

  {
    GHashTableIter iter;
    const char *key;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      g_string_append_printf (missing, " %s", key);
  }

  if (missing->len > 0 || extra->len > 0)
    g_error ("mapping differs from Annex B; missing:%s; not in Annex B:%s", missing->str,
             extra->str);
}

/* Direct lookups agree with the table for the many-to-many rows. */
static void
test_mapping_many_to_many (void)
{
  GapCatalog *catalog = get_catalog ();
  static const struct { const char *id_2022; const char *sources; } rows[] = {
    { "A.5.14", "A.13.2.1 A.13.2.2 A.13.2.3" },
    { "A.5.18", "A.9.2.2 A.9.2.5 A.9.2.6" },
    { "A.8.8", "A.12.6.1 A.18.2.3" },
    { "A.5.36", "A.18.2.2 A.18.2.3" },
    { "A.8.1", "A.6.2.1 A.11.2.8" },
    { "A.7.10", "A.8.3.1 A.8.3.2 A.8.3.3 A.11.2.5" },
    { "A.8.32", "A.12.1.2 A.14.2.2 A.14.2.3 A.14.2.4" },
    { "A.5.7", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) sources = gap_catalog_map_to_2013 (catalog, rows[i].id_2022);
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint j = 0; j < sources->len; j++)
        {
          GapControl *source = g_ptr_array_index (sources, j);
          g_autoptr(GPtrArray) back = gap_catalog_map_to_2022 (catalog, gap_control_get_id (source));
          gboolean seen = FALSE;

          g_string_append_printf (found, "%s%s", j > 0 ? " " : "", gap_control_get_id (source));
          for (guint k = 0; k < back->len; k++)
            seen |= g_strcmp0 (gap_control_get_id (g_ptr_array_index (back, k)),
                               rows[i].id_2022) == 0;
          g_assert_true (seen);
        }
      g_assert_cmpstr (found->str, ==, rows[i].sources);
    }

  {
    g_autoptr(GPtrArray) targets = gap_catalog_map_to_2022 (catalog, "A.18.2.3");

    g_assert_cmpuint (targets->len, ==, 2);
    g_assert_cmpstr (gap_control_get_id (g_ptr_array_index (targets, 0)), ==, "A.5.36");
    g_assert_cmpstr (gap_control_get_id (g_ptr_array_index (targets, 1)), ==, "A.8.8");
  }
}

static void
test_services (void)
{
  GapCatalog *catalog = get_catalog ();
  GListModel *services = gap_catalog_get_services (catalog);
  GListModel *families = gap_catalog_get_cert_families (catalog);
  GapService *professional;

  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 18);
  g_assert_cmpuint (g_list_model_get_n_items (families), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);
      const char * const *family_ids = gap_service_get_family_ids (service);

      g_assert_true (gap_catalog_lookup_service (catalog, gap_service_get_id (service)) == service);
      g_assert_cmpuint (g_strv_length ((GStrv) family_ids), >=, 1);
      for (guint j = 0; family_ids[j] != NULL; j++)
        g_assert_nonnull (gap_catalog_lookup_cert_family (catalog, family_ids[j]));
      g_assert_cmpint (gap_service_get_models (service), !=, GAP_SERVICE_MODEL_NONE);
      g_assert_cmpstr (gap_service_get_name (service, "en"), !=, "");
      g_assert_cmpstr (gap_service_get_name (service, "zh_TW"), !=, "");
    }

  professional = gap_catalog_lookup_service (catalog, "professional-services");
  g_assert_nonnull (professional);
  g_assert_cmpstr (gap_service_get_name (professional, "en"), ==,
                   "Microsoft Professional Services");
  g_assert_cmpint (gap_service_get_models (professional), ==, GAP_SERVICE_MODEL_PROFESSIONAL);

  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (families, i);
      const char * const *lists[] = {
        gap_cert_family_get_certificate_urls (family),
        gap_cert_family_get_audit_report_urls (family),
        gap_cert_family_get_soa_urls (family),
      };

      /* The source document: "audited at least annually". */
      g_assert_cmpuint (gap_cert_family_get_audit_cycle_months (family), ==, 12);
      g_assert_nonnull (lists[0][0]);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint j = 0; lists[l][j] != NULL; j++)
          g_assert_true (g_str_has_prefix (lists[l][j], "https://"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/resources", test_resources_registered);
  g_test_add_func ("/catalog/default", test_default_shared);
  g_test_add_func ("/catalog/2013/structure", test_2013_structure);
  g_test_add_func ("/catalog/2022/structure", test_2022_structure);
  g_test_add_func ("/catalog/2022/clauses", test_2022_clauses);
  g_test_add_func ("/catalog/2013/clauses", test_2013_clauses);
  g_test_add_func ("/catalog/2022/new", test_new_controls);
  g_test_add_func ("/catalog/titles", test_titles);
  g_test_add_func ("/catalog/interface-language", test_interface_language);
  g_test_add_func ("/catalog/lookups", test_lookups);
  g_test_add_func ("/catalog/mapping/coverage", test_mapping_coverage);
  g_test_add_func ("/catalog/mapping/annex-b", test_mapping_annex_b);
  g_test_add_func ("/catalog/mapping/many-to-many", test_mapping_many_to_many);
  g_test_add_func ("/catalog/services", test_services);

  return g_test_run ();
}
