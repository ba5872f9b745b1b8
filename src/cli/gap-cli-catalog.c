/* gap-cli-catalog.c — "isms-gap-cli catalog": the catalog, the mapping, the services
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gap-cli-private.h"
#include "gap-core.h"
#include "gap-i18n-private.h"

typedef enum
{
  OUTPUT_TEXT,
  OUTPUT_JSON,
} OutputFormat;

typedef struct
{
  GapCatalog   *catalog;
  const char   *lang;
  OutputFormat  format;
} Printer;

/* ---- helpers ---- */

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv_member (JsonBuilder        *builder,
                 const char         *name,
                 const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* Stable names, in flag order: "applications", "network-controls". */
static GStrv
layer_names (GapLayerFlags layers)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint bit = 0; bit < GAP_N_LAYERS; bit++)
    if (layers & (1u << bit))
      g_strv_builder_add (builder, gap_layer_to_string (1u << bit));

  return g_strv_builder_end (builder);
}

static GStrv
model_names (GapServiceModelFlags models)
{
  static const GapServiceModelFlags all[] = {
    GAP_SERVICE_MODEL_SAAS, GAP_SERVICE_MODEL_PAAS, GAP_SERVICE_MODEL_IAAS,
    GAP_SERVICE_MODEL_PROFESSIONAL,
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (models & all[i])
      g_strv_builder_add (builder, gap_service_model_to_string (all[i]));

  return g_strv_builder_end (builder);
}

/* ---- the catalog of one edition ---- */

static void
print_control_text (Printer    *printer,
                    GapControl *control,
                    guint       indent)
{
  g_auto(GStrv) layers = layer_names (gap_control_get_layers (control));
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%*s%s %s", (int) indent, "", gap_control_get_id (control),
                          gap_control_get_title (control, printer->lang));
  if (gap_control_get_is_new (control))
    g_string_append_printf (line, " %s", _gap_gettext_for (printer->lang, N_("(new in 2022)")));
  if (layers[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", layers);

      g_string_append_printf (line, " [%s]", joined);
    }
  printf ("%s\n", line->str);
}

static void
add_control_json (Printer     *printer,
                  JsonBuilder *builder,
                  GapControl  *control)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "id", gap_control_get_id (control));
  add_string_member (builder, "title", gap_control_get_title (control, printer->lang));
  if (gap_control_get_kind (control) == GAP_CONTROL_KIND_ANNEX)
    {
      g_auto(GStrv) layers = layer_names (gap_control_get_layers (control));

      add_strv_member (builder, "layers", (const char * const *) layers);
      if (gap_control_get_edition (control) == GAP_EDITION_2022)
        {
          json_builder_set_member_name (builder, "new");
          json_builder_add_boolean_value (builder, gap_control_get_is_new (control));
        }
    }
  json_builder_end_object (builder);
}

/* The controls of @group, or for a 2013 domain its objectives and theirs. */
static void
print_group (Printer     *printer,
             JsonBuilder *builder,
             GapEdition   edition,
             GapGroup    *group)
{
  GListModel *controls = gap_group_get_controls (group);
  gboolean is_clause = gap_group_get_kind (group) == GAP_CONTROL_KIND_CLAUSE;
  gboolean by_objective = !is_clause && edition == GAP_EDITION_2013;
  const char *current_objective = NULL;

  if (builder != NULL)
    {
      json_builder_begin_object (builder);
      add_string_member (builder, "id", gap_group_get_id (group));
      add_string_member (builder, "title", gap_group_get_title (group, printer->lang));
      json_builder_set_member_name (builder,
                                    is_clause ? "requirements"
                                              : by_objective ? "objectives" : "controls");
      json_builder_begin_array (builder);
    }
  else
    printf ("%s %s\n", gap_group_get_id (group), gap_group_get_title (group, printer->lang));

  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      const char *objective_id = gap_control_get_objective_id (control);

      if (by_objective && g_strcmp0 (objective_id, current_objective) != 0)
        {
          GapGroup *objective = gap_catalog_lookup_group (printer->catalog, edition, objective_id);

          if (builder != NULL)
            {
              if (current_objective != NULL)
                {
                  json_builder_end_array (builder);
                  json_builder_end_object (builder);
                }
              json_builder_begin_object (builder);
              add_string_member (builder, "id", objective_id);
              add_string_member (builder, "title", gap_group_get_title (objective, printer->lang));
              json_builder_set_member_name (builder, "controls");
              json_builder_begin_array (builder);
            }
          else
            printf ("  %s %s\n", objective_id, gap_group_get_title (objective, printer->lang));
          current_objective = objective_id;
        }

      if (builder != NULL)
        add_control_json (printer, builder, control);
      else
        print_control_text (printer, control, by_objective ? 4 : 2);
    }

  if (builder != NULL)
    {
      if (current_objective != NULL)
        {
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
}

static void
print_catalog (Printer    *printer,
               GapEdition  edition)
{
  GListModel *groups = gap_catalog_get_groups (printer->catalog, edition);
  g_autoptr(JsonBuilder) builder = NULL;
  GapControlKind section = GAP_CONTROL_KIND_CLAUSE;

  if (printer->format == OUTPUT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_string_member (builder, "edition", gap_edition_to_string (edition));
      add_string_member (builder, "language", printer->lang);
      json_builder_set_member_name (builder, "clauses");
      json_builder_begin_array (builder);
    }
  else
    {
      printf ("%s\n\n", gap_edition_get_label (edition));
      printf ("%s\n", _gap_gettext_for (printer->lang, N_("Clauses 4–10")));
    }

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);

      /* Groups come clauses first: switch sections at the first Annex A one. */
      if (section == GAP_CONTROL_KIND_CLAUSE && gap_group_get_kind (group) == GAP_CONTROL_KIND_ANNEX)
        {
          section = GAP_CONTROL_KIND_ANNEX;
          if (builder != NULL)
            {
              json_builder_end_array (builder);
              json_builder_set_member_name (builder, "annex");
              json_builder_begin_array (builder);
            }
          else
            printf ("\n%s\n", _gap_gettext_for (printer->lang, N_("Annex A")));
        }
      print_group (printer, builder, edition, group);
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _gap_cli_print_json (builder);
    }
}

/* ---- the 2013 → 2022 correspondence ---- */

static void
print_mapping (Printer *printer)
{
  g_autoptr(GPtrArray) pairs = gap_catalog_get_mapping_pairs (printer->catalog);
  g_autoptr(JsonBuilder) builder = NULL;

  if (printer->format == OUTPUT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pairs");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *from = gap_control_get_id (g_ptr_array_index (pairs, i));
      const char *to = gap_control_get_id (g_ptr_array_index (pairs, i + 1));

      if (builder != NULL)
        {
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, from);
          json_builder_add_string_value (builder, to);
          json_builder_end_array (builder);
        }
      else
        printf ("%s → %s\n", from, to);
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _gap_cli_print_json (builder);
    }
}

/* ---- services and certificate families ---- */

static void
print_urls_text (const char         *label,
                 const char * const *urls)
{
  for (guint i = 0; urls[i] != NULL; i++)
    printf ("    %s: %s\n", label, urls[i]);
}

static void
print_services_text (Printer *printer)
{
  const char *lang = printer->lang;
  GListModel *services = gap_catalog_get_services (printer->catalog);
  GListModel *families = gap_catalog_get_cert_families (printer->catalog);

  printf ("%s\n", _gap_gettext_for (lang, N_("Microsoft cloud services")));
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);
      g_auto(GStrv) models = model_names (gap_service_get_models (service));
      g_autofree char *joined_models = g_strjoinv (", ", models);
      g_autofree char *joined_families = g_strjoinv (", ",
                                                     (GStrv) gap_service_get_family_ids (service));

      printf ("  %s: %s [%s] (%s)\n", gap_service_get_id (service),
              gap_service_get_name (service, lang), joined_models, joined_families);
      if (gap_service_get_url (service) != NULL)
        printf ("    %s\n", gap_service_get_url (service));
    }

  printf ("\n%s\n", _gap_gettext_for (lang, N_("Certificate families")));
  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (families, i);
      const char *none = _gap_gettext_for (lang, N_("none given"));
      const char *reference = gap_cert_family_get_reference (family);
      const char *issuer = gap_cert_family_get_issuer (family);

      printf ("  %s: %s\n", gap_cert_family_get_id (family), gap_cert_family_get_title (family, lang));
      printf ("    %s: %s\n", _gap_gettext_for (lang, N_("Reference")),
              reference != NULL ? reference : none);
      printf ("    %s: %s\n", _gap_gettext_for (lang, N_("Issuer")), issuer != NULL ? issuer : none);
      printf ("    %s: %u\n", _gap_gettext_for (lang, N_("Audit cycle (months)")),
              gap_cert_family_get_audit_cycle_months (family));
      print_urls_text (_gap_gettext_for (lang, N_("Certificate")),
                       gap_cert_family_get_certificate_urls (family));
      print_urls_text (_gap_gettext_for (lang, N_("Audit report")),
                       gap_cert_family_get_audit_report_urls (family));
      print_urls_text (_gap_gettext_for (lang, N_("Statement of Applicability")),
                       gap_cert_family_get_soa_urls (family));
    }
}

static void
print_services_json (Printer *printer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *services = gap_catalog_get_services (printer->catalog);
  GListModel *families = gap_catalog_get_cert_families (printer->catalog);

  json_builder_begin_object (builder);
  add_string_member (builder, "language", printer->lang);

  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);
      g_auto(GStrv) models = model_names (gap_service_get_models (service));

      json_builder_begin_object (builder);
      add_string_member (builder, "id", gap_service_get_id (service));
      add_string_member (builder, "name", gap_service_get_name (service, printer->lang));
      add_strv_member (builder, "models", (const char * const *) models);
      add_strv_member (builder, "families", gap_service_get_family_ids (service));
      add_string_member (builder, "url", gap_service_get_url (service));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "families");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (families, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", gap_cert_family_get_id (family));
      add_string_member (builder, "title", gap_cert_family_get_title (family, printer->lang));
      add_string_member (builder, "reference", gap_cert_family_get_reference (family));
      add_string_member (builder, "issuer", gap_cert_family_get_issuer (family));
      json_builder_set_member_name (builder, "audit_cycle_months");
      json_builder_add_int_value (builder, gap_cert_family_get_audit_cycle_months (family));
      add_strv_member (builder, "certificate_urls", gap_cert_family_get_certificate_urls (family));
      add_strv_member (builder, "audit_report_urls",
                       gap_cert_family_get_audit_report_urls (family));
      add_strv_member (builder, "soa_urls", gap_cert_family_get_soa_urls (family));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  _gap_cli_print_json (builder);
}

/* ---- the command ---- */

/* Wrong usage: one line on stderr, exit status 2. */
static int G_GNUC_PRINTF (1, 2)
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a problem with the options, then where to read about them */
  _gap_cli_error (_("%s (see “isms-gap-cli catalog --help”)"), message);
  return 2;
}

int
_gap_cli_catalog (int    argc,
                  char **argv)
{
  g_autofree char *edition_arg = NULL;
  g_autofree char *lang_arg = NULL;
  g_autofree char *format_arg = NULL;
  gboolean mapping = FALSE;
  gboolean services = FALSE;
  const GOptionEntry entries[] = {
    { "edition", 0, 0, G_OPTION_ARG_STRING, &edition_arg,
      N_("Edition of the standard: 2022 (the default) or 2013"), N_("EDITION") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_arg,
      N_("Language: zh_TW or en (the default is the interface language)"), N_("LANGUAGE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_arg,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { "mapping", 0, 0, G_OPTION_ARG_NONE, &mapping,
      N_("Print the correspondence of 2013 controls to 2022 controls"), NULL },
    { "services", 0, 0, G_OPTION_ARG_NONE, &services,
      N_("Print the Microsoft cloud services and their certificates"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GapEdition edition = GAP_EDITION_2022;
  Printer printer = { .lang = gap_current_language (), .format = OUTPUT_TEXT };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Print the control catalog of an edition (clause "
                                           "requirements, then Annex A), the 2013–2022 mapping "
                                           "or the Microsoft services and their certificates."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);
  if (argc > 1)
    return usage_error (_("Unexpected argument “%s”"), argv[1]);

  if (edition_arg != NULL && !gap_edition_from_string (edition_arg, &edition))
    return usage_error (_("Unknown edition “%s”: use 2022 or 2013"), edition_arg);
  if (lang_arg != NULL)
    {
      if (strcmp (lang_arg, "zh_TW") != 0 && strcmp (lang_arg, "en") != 0)
        return usage_error (_("Unknown language “%s”: use zh_TW or en"), lang_arg);
      printer.lang = lang_arg;
    }
  if (format_arg != NULL)
    {
      if (strcmp (format_arg, "json") == 0)
        printer.format = OUTPUT_JSON;
      else if (strcmp (format_arg, "text") != 0)
        return usage_error (_("Unknown format “%s”: use text or json"), format_arg);
    }
  if (mapping && services)
    return usage_error (_("--mapping and --services cannot be used together"));
  if (edition_arg != NULL && (mapping || services))
    return usage_error (_("--edition does not apply to --mapping or --services"));

  printer.catalog = gap_catalog_get_default (&error);
  if (printer.catalog == NULL)
    return _gap_cli_gerror (error);

  if (mapping)
    print_mapping (&printer);
  else if (services && printer.format == OUTPUT_JSON)
    print_services_json (&printer);
  else if (services)
    print_services_text (&printer);
  else
    print_catalog (&printer, edition);

  return _gap_cli_flush_output ();
}
