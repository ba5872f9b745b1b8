/* bench-generate.c — a synthetic workspace of N assessments, from a seed
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace holds one assessment per control of its edition, so a large
 * one needs a large catalog: this writes OUTDIR/catalog-2022.json (the
 * shipped 2022 catalog with synthetic Annex A controls added to its four
 * themes until there are N controls), then builds the JSON form of a
 * workspace with the demo's scope, services and certificates and N filled
 * assessments, and imports it (the real import path) into
 * OUTDIR/workspace.ismsgap. The same seed gives the same files.
 *
 * Usage: bench-generate [--seed S] N OUTDIR
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-util.h"
#include "gap-catalog-private.h"
#include "gap-core-resources.h"

static const char * const layer_names[] = {
  "information-data", "accounts-identities", "devices", "identity-infrastructure",
  "applications", "network-controls", "operating-system", "physical-hosts",
  "physical-network", "physical-datacenter",
};

static const char * const words_zh[] = {
  "資訊安全", "存取控制", "供應商", "備份", "日誌", "事件管理", "加密", "訓練", "稽核",
  "風險評鑑", "變更管理", "實體安全", "雲端服務", "個人資料", "營運持續",
};

static const char * const words_en[] = {
  "policy", "review", "quarterly", "evidence", "Azure", "Microsoft 365", "ticket",
  "approved", "pending", "SharePoint", "Intune", "MFA", "log retention", "backup",
};

static const char * const owners[] = {
  "資訊部 陳志明", "資訊部 林雅婷", "人力資源部 王怡君", "總務部 張家豪", "研發部 李佳穎",
  "生產管理部 黃俊傑", "法務 吳淑芬", "IT Ops", "Security Office", "Facilities",
};

static char *
random_text (GRand *rand,
             guint  max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (g_rand_boolean (rand))
        g_string_append (text, words_zh[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_zh))]);
      else
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, words_en[g_rand_int_range (rand, 0, G_N_ELEMENTS (words_en))]);
          g_string_append_c (text, ' ');
        }
    }
  return g_string_free (text, FALSE);
}

/* The shipped 2022 catalog with synthetic controls "A.<theme>.<n>" added
 * round-robin to the themes until there are @total controls. */
static GBytes *
make_catalog (GRand  *rand,
              guint   total)
{
  g_autoptr(GBytes) shipped = bench_shipped_file ("iso27001-2022.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *clauses, *annex;
  guint count = 0;
  guint theme = 0;
  gsize length;
  char *data;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (shipped, NULL),
                                   g_bytes_get_size (shipped), &error))
    g_error ("%s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  clauses = json_object_get_array_member (root, "clauses");
  annex = json_object_get_array_member (root, "annex");
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    count += json_array_get_length (json_object_get_array_member (
      json_array_get_object_element (clauses, i), "requirements"));
  for (guint i = 0; i < json_array_get_length (annex); i++)
    count += json_array_get_length (json_object_get_array_member (
      json_array_get_object_element (annex, i), "controls"));

  for (; count < total; count++, theme = (theme + 1) % json_array_get_length (annex))
    {
      JsonObject *group = json_array_get_object_element (annex, theme);
      JsonArray *controls = json_object_get_array_member (group, "controls");
      const char *group_id = json_object_get_string_member (group, "id");
      JsonObject *control = json_object_new ();
      JsonObject *title = json_object_new ();
      JsonArray *layers = json_array_new ();
      g_autofree char *id = NULL;
      g_autofree char *words = random_text (rand, 4);
      g_autofree char *title_en = NULL;
      g_autofree char *title_zh = NULL;
      guint number = json_array_get_length (controls) + 1;

      /* The data files write 2022 Annex A IDs bare ("5.38"). */
      id = g_strdup_printf ("%s.%u", g_str_has_prefix (group_id, "A.") ? group_id + 2 : group_id,
                            number);
      json_object_set_string_member (control, "id", id);
      title_en = g_strdup_printf ("Synthetic control %s", id);
      title_zh = g_strdup_printf ("合成控制措施 %s %s", id, words);
      json_object_set_string_member (title, "en", title_en);
      json_object_set_string_member (title, "zh_TW", title_zh);
      json_object_set_object_member (control, "title", title);
      for (guint l = 0; l < G_N_ELEMENTS (layer_names); l++)
        if (g_rand_int_range (rand, 0, 5) == 0)
          json_array_add_string_element (layers, layer_names[l]);
      json_object_set_array_member (control, "layers", layers);
      json_object_set_boolean_member (control, "new", FALSE);
      json_array_add_object_element (controls, control);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *member,
             const char * const *values,
             guint               n,
             guint               mask)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    if (mask & (1u << i))
      json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_assessment (JsonBuilder        *builder,
                GRand              *rand,
                GapControl         *control,
                const char * const *in_use,
                guint               n_in_use)
{
  static const char * const statuses[] = {
    "not-assessed", "not-implemented", "planned", "partial", "implemented", "alternative",
  };
  static const char * const priorities[] = { "none", "low", "medium", "high", "critical" };
  static const char * const reasons[] = {
    "legal", "contractual", "business", "risk", "best-practice",
  };
  gboolean clause = gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE;
  gboolean excluded = !clause && g_rand_int_range (rand, 0, 20) == 0;
  int r = g_rand_int_range (rand, 0, 20);
  const char *responsibility = clause || r < 15 ? "organization" : r < 19 ? "shared" : "inherited";
  g_autofree char *justification = random_text (rand, excluded ? 8 : 3);
  g_autofree char *evidence = random_text (rand, 4);
  g_autofree char *notes = random_text (rand, 12);
  guint service_mask = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "control");
  json_builder_add_string_value (builder, gap_control_get_id (control));
  json_builder_set_member_name (builder, "applicability");
  json_builder_add_string_value (builder, excluded ? "not-applicable" : "applicable");
  json_builder_set_member_name (builder, "justification");
  json_builder_add_string_value (builder, justification);
  add_strings (builder, "reasons", reasons, G_N_ELEMENTS (reasons),
               clause ? 0 : g_rand_int_range (rand, 0, 32));
  json_builder_set_member_name (builder, "responsibility");
  json_builder_add_string_value (builder, responsibility);
  if (!g_str_equal (responsibility, "organization"))
    service_mask = g_rand_int_range (rand, 1, 1 << MIN (n_in_use, 3));
  add_strings (builder, "services", in_use, MIN (n_in_use, 3), service_mask);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
  json_builder_set_member_name (builder, "owner");
  json_builder_add_string_value (builder, owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
  json_builder_set_member_name (builder, "due_date");
  if (g_rand_boolean (rand))
    {
      g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (rand, 2026, 2029),
                                               g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1, 29));
      json_builder_add_string_value (builder, date);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "priority");
  json_builder_add_string_value (builder, priorities[g_rand_int_range (rand, 0, G_N_ELEMENTS (priorities))]);
  json_builder_set_member_name (builder, "evidence");
  json_builder_add_string_value (builder, evidence);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, notes);
  json_builder_set_member_name (builder, "needs_review");
  json_builder_add_boolean_value (builder, g_rand_int_range (rand, 0, 50) == 0);
  json_builder_end_object (builder);
}

/* The demo's scope, services and certificates, and one filled assessment
 * per control of @catalog. */
static GBytes *
make_workspace_json (GRand      *rand,
                     GapCatalog *catalog)
{
  g_autoptr(GBytes) demo = g_resource_lookup_data (gap_core_get_resource (),
                                                   RESOURCE_BASE "/demo/demo.json",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) assessments = NULL;
  g_autoptr(GPtrArray) in_use = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GListModel *controls = gap_catalog_get_controls (catalog, GAP_EDITION_2022);
  JsonObject *root;
  JsonArray *services;
  gsize length;
  char *data;

  g_assert (demo != NULL);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (demo, NULL),
                                   g_bytes_get_size (demo), &error))
    g_error ("%s", error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert (g_str_equal (json_object_get_string_member (root, "edition"), "2022"));

  services = json_object_get_array_member (root, "services");
  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);

      if (json_object_get_boolean_member (service, "in_use"))
        g_ptr_array_add (in_use, (gpointer) json_object_get_string_member (service, "id"));
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);

      add_assessment (builder, rand, control, (const char * const *) in_use->pdata, in_use->len);
    }
  json_builder_end_array (builder);
  assessments = json_builder_get_root (builder);
  json_object_set_member (root, "assessments", g_steal_pointer (&assessments));

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

int
main (int   argc,
      char *argv[])
{
  int seed = 27001;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generator (default 27001)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("N OUTDIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GBytes) catalog_json = NULL;
  g_autoptr(GBytes) workspace_json = NULL;
  g_autoptr(GBytes) e2013 = NULL, mapping = NULL, services = NULL;
  g_autoptr(GapCatalog) catalog = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *workspace_path = NULL;
  guint64 total;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 ||
      !g_ascii_string_to_unsigned (argv[1], 10, 200, 1000000, &total, NULL))
    {
      g_printerr ("Usage: bench-generate [--seed S] N OUTDIR (N from 200)\n");
      return 2;
    }

  rand = g_rand_new_with_seed (seed);
  if (g_mkdir_with_parents (argv[2], 0700) != 0)
    g_error ("Could not make %s", argv[2]);
  catalog_path = g_build_filename (argv[2], "catalog-2022.json", NULL);
  workspace_path = g_build_filename (argv[2], "workspace.ismsgap", NULL);

  catalog_json = make_catalog (rand, total);
  if (!g_file_set_contents (catalog_path, g_bytes_get_data (catalog_json, NULL),
                            g_bytes_get_size (catalog_json), &error))
    g_error ("%s", error->message);

  e2013 = bench_shipped_file ("iso27001-2013.json");
  mapping = bench_shipped_file ("mapping-2013-2022.json");
  services = bench_shipped_file ("services.json");
  catalog = gap_catalog_new_from_data (e2013, catalog_json, mapping, services, &error);
  if (catalog == NULL)
    g_error ("The synthetic catalog does not load: %s", error->message);
  g_assert (g_list_model_get_n_items (gap_catalog_get_controls (catalog, GAP_EDITION_2022)) == total);
  _gap_catalog_set_default (catalog);

  workspace_json = make_workspace_json (rand, catalog);
  bench_remove_workspace (workspace_path);
  file = g_file_new_for_path (workspace_path);
  ws = gap_workspace_import_json (workspace_json, file, &error);
  if (ws == NULL)
    g_error ("The synthetic workspace does not import: %s", error->message);
  g_assert (g_list_model_get_n_items (gap_workspace_get_assessments (ws)) == total);
  gap_workspace_close (ws);

  g_print ("%s: %u assessments (seed %d)\n", workspace_path, (guint) total, seed);
  return 0;
}
