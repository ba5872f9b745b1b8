/* test-catalog-cli.c — "isms-gap-cli catalog" end to end
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "gap-core.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* argv after "catalog", NULL-terminated; @locale_name for LANG and LC_ALL. */
static void
run_catalog (const char         *locale_name,
             const char * const *args,
             CliResult          *result)
{
  const char *cli = g_getenv ("GAP_CLI");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  g_strv_builder_add (builder, cli);
  g_strv_builder_add (builder, "catalog");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  envp = g_environ_setenv (envp, "LANG", locale_name, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", locale_name, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &result->out, &result->err,
                &result->status, &error);
  g_assert_no_error (error);
}

static void
assert_success (const CliResult *r)
{
  g_autoptr(GError) error = NULL;

  if (!g_spawn_check_wait_status (r->status, &error))
    g_error ("isms-gap-cli catalog failed: %s\n%s", error->message, r->err);
  g_assert_cmpstr (r->err, ==, "");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_copy (json_parser_get_root (parser));
}

static GapCatalog *
get_catalog (void)
{
  g_autoptr(GError) error = NULL;
  GapCatalog *catalog = gap_catalog_get_default (&error);

  g_assert_no_error (error);
  return catalog;
}

static guint
count_bits (guint flags)
{
  guint n = 0;

  for (; flags != 0; flags &= flags - 1)
    n++;
  return n;
}

static gboolean
have_zh_tw_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean ok = setlocale (LC_ALL, "zh_TW.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  return ok;
}

/* Every Annex A control of @edition on a line of its own, with its title in
 * @lang, in catalog order. */
static void
assert_lists_annex (const char *out,
                    GapEdition  edition,
                    const char *lang)
{
  GListModel *controls = gap_catalog_get_controls (get_catalog (), edition);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint line = 0, n_annex = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      g_autofree char *start = NULL;

      if (gap_control_get_kind (control) != GAP_CONTROL_KIND_ANNEX)
        continue;
      start = g_strdup_printf ("%s %s", gap_control_get_id (control),
                               gap_control_get_title (control, lang));
      while (lines[line] != NULL && !g_str_has_prefix (g_strchug (lines[line]), start))
        line++;
      if (lines[line] == NULL)
        g_error ("no line “%s…” (in order) in:\n%s", start, out);
      n_annex++;
    }

  g_assert_cmpuint (n_annex, ==, edition == GAP_EDITION_2022 ? 93 : 114);
}

static void
test_text_2022_chinese (void)
{
  static const char * const args[] = { "--edition", "2022", "--lang", "zh_TW", NULL };
  GapCatalog *catalog = get_catalog ();
  GapControl *requirement = gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "4.1");
  GapControl *threat = gap_catalog_lookup_control (catalog, GAP_EDITION_2022, "A.5.7");
  g_autofree char *requirement_line = g_strdup_printf ("\n  4.1 %s\n",
                                                       gap_control_get_title (requirement, "zh_TW"));
  g_autofree char *new_line = g_strdup_printf ("\n  A.5.7 %s （2022 年版新增）",
                                               gap_control_get_title (threat, "zh_TW"));
  CliResult r = { 0 };

  run_catalog ("C.UTF-8", args, &r);
  assert_success (&r);
  g_assert_true (g_str_has_prefix (r.out, "ISO/IEC 27001:2022\n"));
  g_assert_nonnull (strstr (r.out, requirement_line));
  assert_lists_annex (r.out, GAP_EDITION_2022, "zh_TW");
  /* The new controls are marked, and the headings follow --lang too. */
  g_assert_nonnull (strstr (r.out, new_line));
  g_assert_nonnull (strstr (r.out, "\n附錄 A\n"));
  cli_result_clear (&r);
}

static void
test_text_2013_english (void)
{
  static const char * const args[] = { "--edition", "2013", "--lang", "en", NULL };
  CliResult r = { 0 };
  GapGroup *objective;

  run_catalog ("C.UTF-8", args, &r);
  assert_success (&r);
  assert_lists_annex (r.out, GAP_EDITION_2013, "en");
  /* Controls under their objectives. */
  objective = gap_catalog_lookup_group (get_catalog (), GAP_EDITION_2013, "A.9.2");
  {
    g_autofree char *heading = g_strdup_printf ("\n  A.9.2 %s\n    A.9.2.1 ",
                                                gap_group_get_title (objective, "en"));

    g_assert_nonnull (strstr (r.out, heading));
  }
  g_assert_null (strstr (r.out, "(new in 2022)"));
  cli_result_clear (&r);
}

/* Without --lang the interface language decides. */
static void
test_text_default_language (void)
{
  static const char * const none[] = { NULL };
  CliResult r = { 0 };
  GapControl *control = gap_catalog_lookup_control (get_catalog (), GAP_EDITION_2022, "A.8.8");
  g_autofree char *en = g_strdup_printf ("A.8.8 %s", gap_control_get_title (control, "en"));
  g_autofree char *zh = g_strdup_printf ("A.8.8 %s", gap_control_get_title (control, "zh_TW"));

  run_catalog ("C.UTF-8", none, &r);
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, en));
  g_assert_null (strstr (r.out, zh));
  cli_result_clear (&r);

  if (!have_zh_tw_locale ())
    {
      g_test_skip ("the zh_TW.UTF-8 locale is not generated on this machine");
      return;
    }
  run_catalog ("zh_TW.UTF-8", none, &r);
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, zh));
  g_assert_nonnull (strstr (r.out, "\n附錄 A\n"));
  cli_result_clear (&r);
}

static void
test_json (void)
{
  static const char * const args_2022[] = { "--format", "json", "--lang", "zh_TW", NULL };
  static const char * const args_2013[] = { "--format", "json", "--edition", "2013", NULL };
  static const guint sizes[] = { 37, 8, 14, 34 };
  CliResult r = { 0 };
  g_autoptr(JsonNode) root_2022 = NULL;
  g_autoptr(JsonNode) root_2013 = NULL;
  JsonObject *object;
  JsonArray *annex, *clauses;
  guint n_objectives = 0, n_controls = 0;

  run_catalog ("C.UTF-8", args_2022, &r);
  assert_success (&r);
  root_2022 = parse_json (r.out);
  cli_result_clear (&r);

  object = json_node_get_object (root_2022);
  g_assert_cmpstr (json_object_get_string_member (object, "edition"), ==, "2022");
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "zh_TW");
  clauses = json_object_get_array_member (object, "clauses");
  g_assert_cmpuint (json_array_get_length (clauses), ==, 7);
  annex = json_object_get_array_member (object, "annex");
  g_assert_cmpuint (json_array_get_length (annex), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *theme = json_array_get_object_element (annex, i);
      JsonArray *controls = json_object_get_array_member (theme, "controls");

      g_assert_cmpuint (json_array_get_length (controls), ==, sizes[i]);
      for (guint j = 0; j < json_array_get_length (controls); j++)
        {
          JsonObject *control = json_array_get_object_element (controls, j);
          GapControl *known = gap_catalog_lookup_control (get_catalog (), GAP_EDITION_2022,
                                                          json_object_get_string_member (control,
                                                                                         "id"));

          g_assert_nonnull (known);
          g_assert_cmpstr (json_object_get_string_member (control, "title"), ==,
                           gap_control_get_title (known, "zh_TW"));
          g_assert_cmpint (json_object_get_boolean_member (control, "new"), ==,
                           gap_control_get_is_new (known));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (control, "layers")),
                            ==, count_bits (gap_control_get_layers (known)));
        }
    }

  run_catalog ("C.UTF-8", args_2013, &r);
  assert_success (&r);
  root_2013 = parse_json (r.out);
  cli_result_clear (&r);

  annex = json_object_get_array_member (json_node_get_object (root_2013), "annex");
  g_assert_cmpuint (json_array_get_length (annex), ==, 14);
  for (guint i = 0; i < json_array_get_length (annex); i++)
    {
      JsonArray *objectives = json_object_get_array_member (json_array_get_object_element (annex, i),
                                                            "objectives");

      for (guint j = 0; j < json_array_get_length (objectives); j++)
        {
          JsonObject *objective = json_array_get_object_element (objectives, j);

          n_objectives++;
          n_controls += json_array_get_length (json_object_get_array_member (objective,
                                                                             "controls"));
        }
    }
  g_assert_cmpuint (n_objectives, ==, 35);
  g_assert_cmpuint (n_controls, ==, 114);
}

static void
test_mapping (void)
{
  static const char * const text_args[] = { "--mapping", NULL };
  static const char * const json_args[] = { "--mapping", "--format", "json", NULL };
  g_autoptr(GPtrArray) pairs = gap_catalog_get_mapping_pairs (get_catalog ());
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  CliResult r = { 0 };

  for (guint i = 0; i < pairs->len; i += 2)
    g_string_append_printf (expected, "%s → %s\n",
                            gap_control_get_id (g_ptr_array_index (pairs, i)),
                            gap_control_get_id (g_ptr_array_index (pairs, i + 1)));

  run_catalog ("C.UTF-8", text_args, &r);
  assert_success (&r);
  g_assert_cmpstr (r.out, ==, expected->str);
  g_assert_nonnull (strstr (r.out, "A.13.2.1 → A.5.14\n"));
  g_assert_nonnull (strstr (r.out, "A.18.2.3 → A.5.36\nA.18.2.3 → A.8.8\n"));
  cli_result_clear (&r);

  run_catalog ("C.UTF-8", json_args, &r);
  assert_success (&r);
  root = parse_json (r.out);
  cli_result_clear (&r);
  array = json_object_get_array_member (json_node_get_object (root), "pairs");
  g_assert_cmpuint (json_array_get_length (array), ==, 115);
  g_assert_cmpuint (json_array_get_length (array) * 2, ==, pairs->len);
}

static void
test_services (void)
{
  static const char * const text_args[] = { "--services", "--lang", "zh_TW", NULL };
  static const char * const json_args[] = { "--services", "--format", "json", NULL };
  GListModel *services = gap_catalog_get_services (get_catalog ());
  GListModel *families = gap_catalog_get_cert_families (get_catalog ());
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  CliResult r = { 0 };

  run_catalog ("C.UTF-8", text_args, &r);
  assert_success (&r);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);
      g_autofree char *line = g_strdup_printf ("  %s: %s [", gap_service_get_id (service),
                                               gap_service_get_name (service, "zh_TW"));

      g_assert_nonnull (strstr (r.out, line));
    }
  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (families, i);
      const char * const *urls = gap_cert_family_get_certificate_urls (family);

      g_assert_nonnull (strstr (r.out, gap_cert_family_get_title (family, "zh_TW")));
      for (guint j = 0; urls[j] != NULL; j++)
        g_assert_nonnull (strstr (r.out, urls[j]));
      if (gap_cert_family_get_reference (family) != NULL)
        g_assert_nonnull (strstr (r.out, gap_cert_family_get_reference (family)));
    }
  g_assert_nonnull (strstr (r.out, "professional-services: "));
  g_assert_nonnull (strstr (r.out, "[professional]"));
  cli_result_clear (&r);

  run_catalog ("C.UTF-8", json_args, &r);
  assert_success (&r);
  root = parse_json (r.out);
  cli_result_clear (&r);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "services")), ==,
                    18);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "families")), ==,
                    g_list_model_get_n_items (families));
  for (guint i = 0; i < 18; i++)
    {
      JsonObject *service = json_array_get_object_element (json_object_get_array_member (object,
                                                                                         "services"),
                                                           i);

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (service, "families")),
                        >=, 1);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (service, "models")),
                        >=, 1);
    }
}

static void
test_bad_options (void)
{
  static const struct
  {
    const char *args[4];
    const char *message;
  } rows[] = {
    { { "--bogus" }, "isms-gap-cli: Unknown option --bogus" },
    { { "--edition", "2019" }, "isms-gap-cli: Unknown edition “2019”: use 2022 or 2013" },
    { { "--lang", "fr" }, "isms-gap-cli: Unknown language “fr”: use zh_TW or en" },
    { { "--format", "xml" }, "isms-gap-cli: Unknown format “xml”: use text or json" },
    { { "--mapping", "--services" },
      "isms-gap-cli: --mapping and --services cannot be used together" },
    { { "--mapping", "--edition", "2013" },
      "isms-gap-cli: --edition does not apply to --mapping or --services" },
    { { "2022" }, "isms-gap-cli: Unexpected argument “2022”" },
    { { "--edition" }, "isms-gap-cli: Missing argument for --edition" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      CliResult r = { 0 };

      run_catalog ("C.UTF-8", rows[i].args, &r);
      g_assert_true (WIFEXITED (r.status));
      g_assert_cmpint (WEXITSTATUS (r.status), ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_true (g_str_has_prefix (r.err, rows[i].message));
      /* One line. */
      g_assert_cmpint (strchr (r.err, '\n') - r.err + 1, ==, strlen (r.err));
      cli_result_clear (&r);
    }

  if (have_zh_tw_locale ())
    {
      static const char * const args[] = { "--edition", "2019", NULL };
      CliResult r = { 0 };

      run_catalog ("zh_TW.UTF-8", args, &r);
      g_assert_cmpint (WEXITSTATUS (r.status), ==, 2);
      g_assert_cmpstr (r.err, ==, "isms-gap-cli: 未知的版本「2019」：請使用 2022 或 2013"
                                  "（請參閱「isms-gap-cli catalog --help」）\n");
      cli_result_clear (&r);
    }
}

static void
test_help (void)
{
  static const char * const args[] = { "--help", NULL };
  CliResult r = { 0 };

  run_catalog ("C.UTF-8", args, &r);
  assert_success (&r);
  g_assert_nonnull (strstr (r.out, "isms-gap-cli catalog [OPTION…]"));
  g_assert_nonnull (strstr (r.out, "--mapping"));
  g_assert_nonnull (strstr (r.out, "--services"));
  cli_result_clear (&r);

  if (have_zh_tw_locale ())
    {
      run_catalog ("zh_TW.UTF-8", args, &r);
      assert_success (&r);
      g_assert_nonnull (strstr (r.out, "輸出格式：text（預設）或 json"));
      cli_result_clear (&r);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/cli/text-2022-chinese", test_text_2022_chinese);
  g_test_add_func ("/catalog/cli/text-2013-english", test_text_2013_english);
  g_test_add_func ("/catalog/cli/text-default-language", test_text_default_language);
  g_test_add_func ("/catalog/cli/json", test_json);
  g_test_add_func ("/catalog/cli/mapping", test_mapping);
  g_test_add_func ("/catalog/cli/services", test_services);
  g_test_add_func ("/catalog/cli/bad-options", test_bad_options);
  g_test_add_func ("/catalog/cli/help", test_help);

  return g_test_run ();
}
