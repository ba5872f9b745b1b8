/* gap-catalog.c — loads and checks the shipped catalog, answers lookups
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The four JSON documents are checked strictly: a broken one is a bug in a
 * shipped file, and it must surface as a clear error naming the file and the
 * node, never as a crash or a silently incomplete catalog.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gap-array-model-private.h"
#include "gap-catalog-private.h"
#include "gap-core-resources.h"
#include "gap-error.h"
#include "gap-text-private.h"

/* Far deeper than any catalog document; keeps the recursive parser's stack
 * small whatever it is fed. */
#define MAX_DEPTH 32

#define FILE_2013     "iso27001-2013.json"
#define FILE_2022     "iso27001-2022.json"
#define FILE_MAPPING  "mapping-2013-2022.json"
#define FILE_SERVICES "services.json"

/* The lists are filled while loading and never change afterwards: callers
 * get read-only models over them, which threads may read at once. */
typedef struct
{
  GPtrArray  *groups;          /* top-level GapGroup: clauses, then Annex A */
  GPtrArray  *objectives;      /* 2013 control objectives */
  GPtrArray  *controls;        /* clause requirements, then Annex A controls */
  GListModel *groups_model;
  GListModel *objectives_model;
  GListModel *controls_model;
  GHashTable *groups_by_id;    /* groups and objectives */
  GHashTable *controls_by_id;
  GHashTable *ids;             /* every ID of the edition, to refuse duplicates */
} Edition;

struct _GapCatalog
{
  GObject     parent_instance;

  Edition     editions[2];
  GPtrArray  *services;
  GPtrArray  *families;
  GListModel *services_model;
  GListModel *families_model;
  GHashTable *services_by_id;
  GHashTable *families_by_id;
  GHashTable *to_2022;         /* 2013 ID → GPtrArray of GapControl, 2022 order */
  GHashTable *to_2013;         /* 2022 ID → GPtrArray of GapControl, 2013 order */
  GPtrArray  *pairs;           /* 2013, 2022, 2013, 2022, … */
};

G_DEFINE_FINAL_TYPE (GapCatalog, gap_catalog, G_TYPE_OBJECT)

/* ---- reporting ---- */

static gboolean invalid (GError    **error,
                         const char *file,
                         const char *node,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* Always returns FALSE, so that checks read "return invalid (…)". */
static gboolean
invalid (GError    **error,
         const char *file,
         const char *node,
         const char *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    /* Translators: a catalog file, the place in it (such as
     * "annex[0].controls[3] (5.4)") and what is wrong there */
    g_set_error (error, GAP_ERROR, GAP_ERROR_CATALOG_INVALID, _("%s: %s: %s"), file, node, problem);
  else
    /* Translators: a catalog file and what is wrong with it */
    g_set_error (error, GAP_ERROR, GAP_ERROR_CATALOG_INVALID, _("%s: %s"), file, problem);

  return FALSE;
}

/* "annex[2].controls[5]", and once its ID is known "annex[2].controls[5] (5.14)". */
static char *
node_name (const char *path,
           const char *id)
{
  if (id == NULL)
    return g_strdup (path);
  return g_strdup_printf ("%s (%s)", path, id);
}

/* ---- reading JSON strictly ---- */

/* The root object, owned by *@parser_out. */
static JsonObject *
parse_document (GBytes      *bytes,
                const char  *file,
                JsonParser **parser_out,
                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  guint line;
  gsize column;
  JsonNode *root;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      invalid (error, file, NULL, _("the file is empty"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      invalid (error, file, NULL, _("not valid UTF-8 text"));
      return NULL;
    }
  if (_gap_json_too_deep (data, size, MAX_DEPTH, &line, &column))
    {
      /* Translators: the depth limit, then the line and the column where it is passed */
      invalid (error, file, NULL, _("nested more than %d levels deep (line %u, column %lu)"),
               MAX_DEPTH, line, (unsigned long) column);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      invalid (error, file, NULL, _("not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, file, NULL, _("the document is not a JSON object"));
      return NULL;
    }

  *parser_out = g_steal_pointer (&parser);
  return json_node_get_object (root);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A non-blank string, or NULL when @nullable and the member is null. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     nullable,
            const char **out,
            const char  *file,
            const char  *node,
            GError     **error)
{
  JsonNode *value = json_object_get_member (object, member);

  *out = NULL;
  if (value == NULL)
    return invalid (error, file, node, _("“%s” is missing"), member);
  if (nullable && JSON_NODE_HOLDS_NULL (value))
    return TRUE;
  if (!node_is_string (value))
    {
      if (nullable)
        return invalid (error, file, node, _("“%s” must be a string or null"), member);
      return invalid (error, file, node, _("“%s” must be a string"), member);
    }

  *out = json_node_get_string (value);
  if (_gap_text_is_blank (*out))
    return invalid (error, file, node, _("“%s” is empty"), member);

  return TRUE;
}

static gboolean
get_array (JsonObject  *object,
           const char  *member,
           gboolean     allow_empty,
           JsonArray  **out,
           const char  *file,
           const char  *node,
           GError     **error)
{
  JsonNode *value = json_object_get_member (object, member);

  *out = NULL;
  if (value == NULL)
    return invalid (error, file, node, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_ARRAY (value))
    return invalid (error, file, node, _("“%s” must be a list"), member);

  *out = json_node_get_array (value);
  if (!allow_empty && json_array_get_length (*out) == 0)
    return invalid (error, file, node, _("“%s” is empty"), member);

  return TRUE;
}

static gboolean
get_element_object (JsonArray   *array,
                    guint        index,
                    JsonObject **out,
                    const char  *file,
                    const char  *node,
                    GError     **error)
{
  JsonNode *element = json_array_get_element (array, index);

  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (element))
    return invalid (error, file, node, _("must be an object"));

  *out = json_node_get_object (element);
  return TRUE;
}

/* @member ("title" or "name") holds both languages, neither may be empty. */
static gboolean
get_title (JsonObject  *object,
           const char  *member,
           const char **en,
           const char **zh_tw,
           const char  *file,
           const char  *node,
           GError     **error)
{
  static const char * const langs[] = { "en", "zh_TW" };
  const char **outs[] = { en, zh_tw };
  JsonNode *value = json_object_get_member (object, member);
  JsonObject *title;

  *en = NULL;
  *zh_tw = NULL;
  if (value == NULL)
    return invalid (error, file, node, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_OBJECT (value))
    return invalid (error, file, node, _("“%s” must be an object with “en” and “zh_TW”"), member);

  title = json_node_get_object (value);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      JsonNode *text = json_object_get_member (title, langs[i]);

      if (text == NULL || !node_is_string (text) ||
          _gap_text_is_blank (json_node_get_string (text)))
        return invalid (error, file, node, _("“%s.%s” is missing or empty"), member, langs[i]);
      *outs[i] = json_node_get_string (text);
    }

  return TRUE;
}

static gboolean
get_boolean (JsonObject *object,
             const char *member,
             gboolean   *out,
             const char *file,
             const char *node,
             GError    **error)
{
  JsonNode *value = json_object_get_member (object, member);

  *out = FALSE;
  if (value == NULL)
    return invalid (error, file, node, _("“%s” is missing"), member);
  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
    return invalid (error, file, node, _("“%s” must be true or false"), member);

  *out = json_node_get_boolean (value);
  return TRUE;
}

static gboolean
get_layers (JsonObject    *object,
            GapLayerFlags *out,
            const char    *file,
            const char    *node,
            GError       **error)
{
  JsonArray *array;

  *out = GAP_LAYER_NONE;
  if (!get_array (object, "layers", TRUE, &array, file, node, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GapLayerFlags layer;

      if (!node_is_string (element))
        return invalid (error, file, node, _("“%s” must list names"), "layers");
      if (!gap_layer_from_string (json_node_get_string (element), &layer))
        return invalid (error, file, node, _("unknown layer “%s”"), json_node_get_string (element));
      if (*out & layer)
        return invalid (error, file, node, _("layer “%s” is listed twice"),
                        json_node_get_string (element));
      *out |= layer;
    }

  return TRUE;
}

static gboolean
is_web_address (const char *url)
{
  const char *scheme = g_uri_peek_scheme (url);

  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL) &&
         (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0);
}

/* "https://…" web addresses, possibly none. Gives a new string vector. */
static gboolean
get_url_list (JsonObject  *object,
              const char  *member,
              GStrv       *out,
              const char  *file,
              const char  *node,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!get_array (object, member, TRUE, &array, file, node, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *url = node_is_string (element) ? json_node_get_string (element) : NULL;

      if (url == NULL)
        return invalid (error, file, node, _("“%s” must list web addresses"), member);
      if (!is_web_address (url))
        return invalid (error, file, node, _("“%s” is not a web address"), url);
      g_strv_builder_add (builder, url);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
check_header (JsonObject *root,
              const char *format,
              const char *file,
              GError    **error)
{
  const char *found;
  JsonNode *version;

  if (!get_string (root, "format", FALSE, &found, file, NULL, error))
    return FALSE;
  if (strcmp (found, format) != 0)
    return invalid (error, file, NULL, _("“format” is “%s”, expected “%s”"), found, format);

  version = json_object_get_member (root, "version");
  if (version == NULL)
    return invalid (error, file, NULL, _("“%s” is missing"), "version");
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != 1)
    return invalid (error, file, NULL, _("unsupported “version”: this program reads version 1"));

  return TRUE;
}

/* ---- IDs ---- */

/* "4", "6.1.2": @min_parts to @max_parts numbers, no leading zeros. */
static gboolean
is_number_path (const char *str,
                guint       min_parts,
                guint       max_parts)
{
  guint parts = 0;
  const char *p = str;

  while (TRUE)
    {
      const char *start = p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == start || (*start == '0' && p - start > 1))
        return FALSE;
      parts++;
      if (*p == '\0')
        break;
      if (*p != '.')
        return FALSE;
      p++;
    }

  return parts >= min_parts && parts <= max_parts;
}

/* "A.5.1" under "A.5": the parent, a dot, then @max_parts numbers at most. */
static gboolean
is_child_id (const char *id,
             const char *parent,
             guint       max_parts)
{
  gsize len = strlen (parent);

  return strncmp (id, parent, len) == 0 && id[len] == '.' &&
         is_number_path (id + len + 1, 1, max_parts);
}

/* 2022 Annex A IDs are the standard's own numbers ("5.1"); the catalog gives
 * them an "A." prefix, as Statements of Applicability write them, so that
 * they never meet clause numbers ("5.1 Leadership and commitment"). */
static char *
annex_2022_id (const char *raw)
{
  if (g_str_has_prefix (raw, "A."))
    return g_strdup (raw);
  return g_strconcat ("A.", raw, NULL);
}

static gboolean
claim_id (Edition    *ed,
          const char *id,
          const char *raw,
          const char *file,
          const char *node,
          GError    **error)
{
  if (g_hash_table_contains (ed->ids, id))
    return invalid (error, file, node, _("duplicate ID “%s”"), raw);

  g_hash_table_add (ed->ids, g_strdup (id));
  return TRUE;
}

/* ---- the editions ---- */

typedef struct
{
  Edition    *ed;
  GapEdition  edition;
  const char *file;
  guint       position;
} EditionLoader;

static GapGroup *
add_group (EditionLoader  *loader,
           GPtrArray      *array,
           GapControlKind  kind,
           const char     *id,
           const char     *title_en,
           const char     *title_zh_tw,
           const char     *parent_id)
{
  GapGroup *group = _gap_group_new (kind, id, title_en, title_zh_tw, parent_id);

  g_ptr_array_add (array, group);
  g_hash_table_insert (loader->ed->groups_by_id, g_strdup (id), group);
  return group;
}

static GapControl *
add_control (EditionLoader  *loader,
             GapControlKind  kind,
             const char     *id,
             const char     *title_en,
             const char     *title_zh_tw,
             const char     *group_id,
             const char     *objective_id,
             GapLayerFlags   layers,
             gboolean        is_new)
{
  GapControl *control;

  control = _gap_control_new (loader->edition, kind, id, title_en, title_zh_tw, group_id,
                              objective_id, layers, is_new, loader->position++);
  g_ptr_array_add (loader->ed->controls, control);
  g_hash_table_insert (loader->ed->controls_by_id, g_strdup (id), control);
  return control;
}

static gboolean
load_clauses (EditionLoader *loader,
              JsonObject    *root,
              GError       **error)
{
  const char *file = loader->file;
  JsonArray *clauses;

  if (!get_array (root, "clauses", FALSE, &clauses, file, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      g_autofree char *path = g_strdup_printf ("clauses[%u]", i);
      g_autofree char *node = NULL;
      JsonObject *clause;
      JsonArray *requirements;
      const char *id, *en, *zh;
      GapGroup *group;

      if (!get_element_object (clauses, i, &clause, file, path, error) ||
          !get_string (clause, "id", FALSE, &id, file, path, error))
        return FALSE;
      node = node_name (path, id);
      if (!is_number_path (id, 1, 1))
        return invalid (error, file, node, _("“%s” is not a clause number"), id);
      if (!claim_id (loader->ed, id, id, file, node, error) ||
          !get_title (clause, "title", &en, &zh, file, node, error) ||
          !get_array (clause, "requirements", FALSE, &requirements, file, node, error))
        return FALSE;

      group = add_group (loader, loader->ed->groups, GAP_CONTROL_KIND_CLAUSE, id, en, zh, NULL);

      for (guint j = 0; j < json_array_get_length (requirements); j++)
        {
          g_autofree char *rpath = g_strdup_printf ("clauses[%u].requirements[%u]", i, j);
          g_autofree char *rnode = NULL;
          JsonObject *requirement;
          JsonArray *layers;
          const char *rid, *ren, *rzh;

          if (!get_element_object (requirements, j, &requirement, file, rpath, error) ||
              !get_string (requirement, "id", FALSE, &rid, file, rpath, error))
            return FALSE;
          rnode = node_name (rpath, rid);
          if (!is_child_id (rid, id, 2))
            return invalid (error, file, rnode, _("“%s” does not belong under “%s”"), rid, id);
          if (!claim_id (loader->ed, rid, rid, file, rnode, error) ||
              !get_title (requirement, "title", &ren, &rzh, file, rnode, error))
            return FALSE;
          /* Clause requirements are the organization's own: nothing to share. */
          if (json_object_has_member (requirement, "layers") &&
              (!get_array (requirement, "layers", TRUE, &layers, file, rnode, error) ||
               json_array_get_length (layers) > 0))
            return invalid (error, file, rnode, _("a clause requirement carries no layers"));

          _gap_group_add_control (group, add_control (loader, GAP_CONTROL_KIND_CLAUSE, rid, ren,
                                                      rzh, id, NULL, GAP_LAYER_NONE, FALSE));
        }
    }

  return TRUE;
}

/* One Annex A control under @group (and @objective in 2013). */
static gboolean
load_annex_control (EditionLoader *loader,
                    JsonObject    *object,
                    const char    *path,
                    GapGroup      *group,
                    GapGroup      *objective,
                    GError       **error)
{
  const char *file = loader->file;
  const char *parent_id = gap_group_get_id (objective != NULL ? objective : group);
  g_autofree char *node = NULL;
  g_autofree char *id = NULL;
  const char *raw, *en, *zh;
  GapLayerFlags layers;
  gboolean is_new = FALSE;
  GapControl *control;

  if (!get_string (object, "id", FALSE, &raw, file, path, error))
    return FALSE;
  node = node_name (path, raw);
  id = loader->edition == GAP_EDITION_2022 ? annex_2022_id (raw) : g_strdup (raw);
  if (!is_child_id (id, parent_id, 1))
    return invalid (error, file, node, _("“%s” does not belong under “%s”"), raw, parent_id);
  if (!claim_id (loader->ed, id, raw, file, node, error) ||
      !get_title (object, "title", &en, &zh, file, node, error) ||
      !get_layers (object, &layers, file, node, error))
    return FALSE;

  if (loader->edition == GAP_EDITION_2022)
    {
      if (!get_boolean (object, "new", &is_new, file, node, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "new"))
    return invalid (error, file, node, _("“new” belongs to the 2022 edition only"));

  control = add_control (loader, GAP_CONTROL_KIND_ANNEX, id, en, zh, gap_group_get_id (group),
                         objective != NULL ? gap_group_get_id (objective) : NULL, layers, is_new);
  _gap_group_add_control (group, control);
  if (objective != NULL)
    _gap_group_add_control (objective, control);

  return TRUE;
}

static gboolean
load_annex (EditionLoader *loader,
            JsonObject    *root,
            GError       **error)
{
  const char *file = loader->file;
  gboolean is_2013 = loader->edition == GAP_EDITION_2013;
  JsonArray *annex;

  if (!get_array (root, "annex", FALSE, &annex, file, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (annex); i++)
    {
      g_autofree char *path = g_strdup_printf ("annex[%u]", i);
      g_autofree char *node = NULL;
      g_autofree char *id = NULL;
      JsonObject *object;
      JsonArray *children;
      const char *raw, *en, *zh;
      GapGroup *group;

      if (!get_element_object (annex, i, &object, file, path, error) ||
          !get_string (object, "id", FALSE, &raw, file, path, error))
        return FALSE;
      node = node_name (path, raw);
      if (is_2013)
        {
          if (!g_str_has_prefix (raw, "A.") || !is_number_path (raw + 2, 1, 1))
            return invalid (error, file, node, _("“%s” is not an Annex A domain number"), raw);
          id = g_strdup (raw);
        }
      else
        {
          id = annex_2022_id (raw);
          if (!is_number_path (id + 2, 1, 1))
            return invalid (error, file, node, _("“%s” is not an Annex A theme number"), raw);
        }
      if (!claim_id (loader->ed, id, raw, file, node, error) ||
          !get_title (object, "title", &en, &zh, file, node, error) ||
          !get_array (object, is_2013 ? "objectives" : "controls", FALSE, &children, file, node,
                      error))
        return FALSE;

      group = add_group (loader, loader->ed->groups, GAP_CONTROL_KIND_ANNEX, id, en, zh, NULL);

      for (guint j = 0; j < json_array_get_length (children); j++)
        {
          g_autofree char *cpath = NULL;
          g_autofree char *cnode = NULL;
          JsonObject *child;
          JsonArray *controls;
          const char *cid, *cen, *czh;
          GapGroup *objective;

          if (!is_2013)
            {
              cpath = g_strdup_printf ("annex[%u].controls[%u]", i, j);
              if (!get_element_object (children, j, &child, file, cpath, error) ||
                  !load_annex_control (loader, child, cpath, group, NULL, error))
                return FALSE;
              continue;
            }

          cpath = g_strdup_printf ("annex[%u].objectives[%u]", i, j);
          if (!get_element_object (children, j, &child, file, cpath, error) ||
              !get_string (child, "id", FALSE, &cid, file, cpath, error))
            return FALSE;
          cnode = node_name (cpath, cid);
          if (!is_child_id (cid, id, 1))
            return invalid (error, file, cnode, _("“%s” does not belong under “%s”"), cid, id);
          if (!claim_id (loader->ed, cid, cid, file, cnode, error) ||
              !get_title (child, "title", &cen, &czh, file, cnode, error) ||
              !get_array (child, "controls", FALSE, &controls, file, cnode, error))
            return FALSE;

          objective = add_group (loader, loader->ed->objectives, GAP_CONTROL_KIND_ANNEX, cid, cen,
                                 czh, id);

          for (guint k = 0; k < json_array_get_length (controls); k++)
            {
              g_autofree char *kpath = g_strdup_printf ("annex[%u].objectives[%u].controls[%u]",
                                                        i, j, k);
              JsonObject *control;

              if (!get_element_object (controls, k, &control, file, kpath, error) ||
                  !load_annex_control (loader, control, kpath, group, objective, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
load_edition (GapCatalog *self,
              GapEdition  edition,
              GBytes     *bytes,
              GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  EditionLoader loader = {
    .ed = &self->editions[edition == GAP_EDITION_2013 ? 0 : 1],
    .edition = edition,
    .file = edition == GAP_EDITION_2013 ? FILE_2013 : FILE_2022,
  };
  const char *expected = gap_edition_to_string (edition);
  const char *found;
  JsonObject *root;

  root = parse_document (bytes, loader.file, &parser, error);
  if (root == NULL || !check_header (root, "isms-gap-catalog", loader.file, error) ||
      !get_string (root, "edition", FALSE, &found, loader.file, NULL, error))
    return FALSE;
  if (strcmp (found, expected) != 0)
    return invalid (error, loader.file, NULL, _("“edition” is “%s”, expected “%s”"), found,
                    expected);

  return load_clauses (&loader, root, error) && load_annex (&loader, root, error);
}

/* ---- services and certificate families ---- */

static gboolean
load_families (GapCatalog *self,
               JsonObject *root,
               guint       audit_cycle_months,
               GError    **error)
{
  JsonArray *families;

  if (!get_array (root, "families", FALSE, &families, FILE_SERVICES, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (families); i++)
    {
      g_autofree char *path = g_strdup_printf ("families[%u]", i);
      g_autofree char *node = NULL;
      g_auto(GStrv) certificates = NULL;
      g_auto(GStrv) reports = NULL;
      g_auto(GStrv) soas = NULL;
      GapCertFamily *family;
      JsonObject *object;
      const char *id, *en, *zh, *reference, *issuer;

      if (!get_element_object (families, i, &object, FILE_SERVICES, path, error) ||
          !get_string (object, "id", FALSE, &id, FILE_SERVICES, path, error))
        return FALSE;
      node = node_name (path, id);
      if (g_hash_table_contains (self->families_by_id, id))
        return invalid (error, FILE_SERVICES, node, _("duplicate ID “%s”"), id);
      if (!get_title (object, "title", &en, &zh, FILE_SERVICES, node, error) ||
          !get_string (object, "reference", TRUE, &reference, FILE_SERVICES, node, error) ||
          !get_string (object, "issuer", TRUE, &issuer, FILE_SERVICES, node, error) ||
          !get_url_list (object, "certificate_urls", &certificates, FILE_SERVICES, node, error) ||
          !get_url_list (object, "audit_report_urls", &reports, FILE_SERVICES, node, error) ||
          !get_url_list (object, "soa_urls", &soas, FILE_SERVICES, node, error))
        return FALSE;

      family = _gap_cert_family_new (id, en, zh, reference, issuer, g_steal_pointer (&certificates),
                                     g_steal_pointer (&reports), g_steal_pointer (&soas),
                                     audit_cycle_months);
      g_ptr_array_add (self->families, family);
      g_hash_table_insert (self->families_by_id, g_strdup (id), family);
    }

  return TRUE;
}

static gboolean
load_service (GapCatalog *self,
              JsonObject *object,
              const char *path,
              GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GapService *service;
  g_autofree char *node = NULL;
  g_auto(GStrv) family_ids = NULL;
  GapServiceModelFlags models = GAP_SERVICE_MODEL_NONE;
  const char *id, *en, *zh, *url;
  JsonArray *array;

  if (!get_string (object, "id", FALSE, &id, FILE_SERVICES, path, error))
    return FALSE;
  node = node_name (path, id);
  if (g_hash_table_contains (self->services_by_id, id))
    return invalid (error, FILE_SERVICES, node, _("duplicate ID “%s”"), id);
  if (!get_title (object, "name", &en, &zh, FILE_SERVICES, node, error) ||
      !get_array (object, "models", FALSE, &array, FILE_SERVICES, node, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name = node_is_string (element) ? json_node_get_string (element) : NULL;
      GapServiceModelFlags model;

      if (name == NULL)
        return invalid (error, FILE_SERVICES, node, _("“%s” must list names"), "models");
      if (!gap_service_model_from_string (name, &model))
        return invalid (error, FILE_SERVICES, node, _("unknown service model “%s”"), name);
      if (models & model)
        return invalid (error, FILE_SERVICES, node, _("service model “%s” is listed twice"), name);
      models |= model;
    }

  if (!get_array (object, "families", FALSE, &array, FILE_SERVICES, node, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *family = node_is_string (element) ? json_node_get_string (element) : NULL;

      if (family == NULL)
        return invalid (error, FILE_SERVICES, node, _("“%s” must list names"), "families");
      if (!g_hash_table_contains (self->families_by_id, family))
        return invalid (error, FILE_SERVICES, node, _("unknown certificate family “%s”"), family);
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (json_array_get_string_element (array, j), family) == 0)
          return invalid (error, FILE_SERVICES, node, _("certificate family “%s” is listed twice"),
                          family);
      g_strv_builder_add (builder, family);
    }

  if (!get_string (object, "url", TRUE, &url, FILE_SERVICES, node, error))
    return FALSE;
  if (url != NULL && !is_web_address (url))
    return invalid (error, FILE_SERVICES, node, _("“%s” is not a web address"), url);

  family_ids = g_strv_builder_end (builder);
  service = _gap_service_new (id, en, zh, models, g_steal_pointer (&family_ids), url);
  g_ptr_array_add (self->services, service);
  g_hash_table_insert (self->services_by_id, g_strdup (id), service);

  return TRUE;
}

static gboolean
load_services (GapCatalog *self,
               GBytes     *bytes,
               GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonNode *cycle;
  JsonArray *services;
  const char *source;

  root = parse_document (bytes, FILE_SERVICES, &parser, error);
  if (root == NULL || !check_header (root, "isms-gap-services", FILE_SERVICES, error) ||
      !get_string (root, "source", FALSE, &source, FILE_SERVICES, NULL, error))
    return FALSE;

  cycle = json_object_get_member (root, "audit_cycle_months");
  if (cycle == NULL)
    return invalid (error, FILE_SERVICES, NULL, _("“%s” is missing"), "audit_cycle_months");
  if (!JSON_NODE_HOLDS_VALUE (cycle) || json_node_get_value_type (cycle) != G_TYPE_INT64 ||
      json_node_get_int (cycle) < 1 || json_node_get_int (cycle) > 120)
    return invalid (error, FILE_SERVICES, NULL,
                    _("“%s” must be a whole number of months from 1 to 120"),
                    "audit_cycle_months");

  if (!load_families (self, root, (guint) json_node_get_int (cycle), error) ||
      !get_array (root, "services", FALSE, &services, FILE_SERVICES, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      g_autofree char *path = g_strdup_printf ("services[%u]", i);
      JsonObject *object;

      if (!get_element_object (services, i, &object, FILE_SERVICES, path, error) ||
          !load_service (self, object, path, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- the 2013 → 2022 correspondence ---- */

typedef struct
{
  GapControl *from;   /* 2013 */
  GapControl *to;     /* 2022 */
} Pair;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = a;
  const Pair *pb = b;
  guint a0 = gap_control_get_position (pa->from), b0 = gap_control_get_position (pb->from);
  guint a1 = gap_control_get_position (pa->to), b1 = gap_control_get_position (pb->to);

  if (a0 != b0)
    return a0 < b0 ? -1 : 1;
  if (a1 != b1)
    return a1 < b1 ? -1 : 1;
  return 0;
}

static void
map_add (GHashTable *map,
         GapControl *from,
         GapControl *to)
{
  GPtrArray *targets = g_hash_table_lookup (map, gap_control_get_id (from));

  if (targets == NULL)
    {
      targets = g_ptr_array_new ();
      g_hash_table_insert (map, g_strdup (gap_control_get_id (from)), targets);
    }
  g_ptr_array_add (targets, to);
}

static gboolean
load_mapping (GapCatalog *self,
              GBytes     *bytes,
              GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root;
  JsonArray *array;
  const char *source;

  root = parse_document (bytes, FILE_MAPPING, &parser, error);
  if (root == NULL || !check_header (root, "isms-gap-mapping", FILE_MAPPING, error) ||
      !get_string (root, "source", FALSE, &source, FILE_MAPPING, NULL, error) ||
      !get_array (root, "pairs", FALSE, &array, FILE_MAPPING, NULL, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *node = g_strdup_printf ("pairs[%u]", i);
      g_autofree char *id_2022 = NULL;
      g_autofree char *key = NULL;
      JsonNode *element = json_array_get_element (array, i);
      JsonArray *pair;
      Pair pair_controls;
      const char *raw_2013, *raw_2022;

      pair = JSON_NODE_HOLDS_ARRAY (element) ? json_node_get_array (element) : NULL;
      if (pair == NULL || json_array_get_length (pair) != 2 ||
          !node_is_string (json_array_get_element (pair, 0)) ||
          !node_is_string (json_array_get_element (pair, 1)))
        return invalid (error, FILE_MAPPING, node,
                        _("must be a pair of control IDs, 2013 then 2022"));

      raw_2013 = json_array_get_string_element (pair, 0);
      raw_2022 = json_array_get_string_element (pair, 1);
      id_2022 = annex_2022_id (raw_2022);

      pair_controls.from = g_hash_table_lookup (self->editions[0].controls_by_id, raw_2013);
      if (pair_controls.from == NULL ||
          gap_control_get_kind (pair_controls.from) != GAP_CONTROL_KIND_ANNEX)
        return invalid (error, FILE_MAPPING, node, _("unknown 2013 Annex A control “%s”"),
                        raw_2013);
      pair_controls.to = g_hash_table_lookup (self->editions[1].controls_by_id, id_2022);
      if (pair_controls.to == NULL ||
          gap_control_get_kind (pair_controls.to) != GAP_CONTROL_KIND_ANNEX)
        return invalid (error, FILE_MAPPING, node, _("unknown 2022 Annex A control “%s”"),
                        raw_2022);

      key = g_strconcat (raw_2013, " ", id_2022, NULL);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        return invalid (error, FILE_MAPPING, node, _("the pair “%s” → “%s” is listed twice"),
                        raw_2013, raw_2022);

      g_array_append_val (pairs, pair_controls);
    }

  g_array_sort (pairs, compare_pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);

      g_ptr_array_add (self->pairs, pair->from);
      g_ptr_array_add (self->pairs, pair->to);
      map_add (self->to_2022, pair->from, pair->to);
    }

  /* Each 2022 control's sources in 2013 order, whatever the file's order. */
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);

      map_add (self->to_2013, pair->to, pair->from);
    }

  return TRUE;
}

/* ---- the object ---- */

static void
edition_init (Edition *ed)
{
  ed->groups = g_ptr_array_new_with_free_func (g_object_unref);
  ed->objectives = g_ptr_array_new_with_free_func (g_object_unref);
  ed->controls = g_ptr_array_new_with_free_func (g_object_unref);
  ed->groups_model = _gap_array_model_new (GAP_TYPE_GROUP, ed->groups);
  ed->objectives_model = _gap_array_model_new (GAP_TYPE_GROUP, ed->objectives);
  ed->controls_model = _gap_array_model_new (GAP_TYPE_CONTROL, ed->controls);
  ed->groups_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ed->controls_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ed->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
edition_clear (Edition *ed)
{
  g_clear_pointer (&ed->ids, g_hash_table_unref);
  g_clear_pointer (&ed->controls_by_id, g_hash_table_unref);
  g_clear_pointer (&ed->groups_by_id, g_hash_table_unref);
  g_clear_object (&ed->controls_model);
  g_clear_object (&ed->objectives_model);
  g_clear_object (&ed->groups_model);
  g_clear_pointer (&ed->controls, g_ptr_array_unref);
  g_clear_pointer (&ed->objectives, g_ptr_array_unref);
  g_clear_pointer (&ed->groups, g_ptr_array_unref);
}

static void
gap_catalog_finalize (GObject *object)
{
  GapCatalog *self = GAP_CATALOG (object);

  g_clear_pointer (&self->pairs, g_ptr_array_unref);
  g_clear_pointer (&self->to_2013, g_hash_table_unref);
  g_clear_pointer (&self->to_2022, g_hash_table_unref);
  g_clear_pointer (&self->families_by_id, g_hash_table_unref);
  g_clear_pointer (&self->services_by_id, g_hash_table_unref);
  g_clear_object (&self->families_model);
  g_clear_object (&self->services_model);
  g_clear_pointer (&self->families, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  edition_clear (&self->editions[1]);
  edition_clear (&self->editions[0]);

  G_OBJECT_CLASS (gap_catalog_parent_class)->finalize (object);
}

static void
gap_catalog_class_init (GapCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gap_catalog_finalize;
}

static void
gap_catalog_init (GapCatalog *self)
{
  edition_init (&self->editions[0]);
  edition_init (&self->editions[1]);
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->families = g_ptr_array_new_with_free_func (g_object_unref);
  self->services_model = _gap_array_model_new (GAP_TYPE_SERVICE, self->services);
  self->families_model = _gap_array_model_new (GAP_TYPE_CERT_FAMILY, self->families);
  self->services_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->families_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->to_2022 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->to_2013 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->pairs = g_ptr_array_new ();
}

GapCatalog *
gap_catalog_new_from_data (GBytes  *edition_2013,
                           GBytes  *edition_2022,
                           GBytes  *mapping,
                           GBytes  *services,
                           GError **error)
{
  g_autoptr(GapCatalog) self = NULL;

  g_return_val_if_fail (edition_2013 != NULL, NULL);
  g_return_val_if_fail (edition_2022 != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (services != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (GAP_TYPE_CATALOG, NULL);
  if (!load_edition (self, GAP_EDITION_2013, edition_2013, error) ||
      !load_edition (self, GAP_EDITION_2022, edition_2022, error) ||
      !load_services (self, services, error) ||
      !load_mapping (self, mapping, error))
    return NULL;

  return g_steal_pointer (&self);
}

static GBytes *
lookup_resource (const char *file,
                 GError    **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE "/catalog/", file, NULL);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  /* Naming the generated resource also keeps its object file, and the
   * constructor that registers it, in programs linking the static library. */
  bytes = g_resource_lookup_data (gap_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &local_error);
  if (bytes == NULL)
    invalid (error, file, NULL, _("missing from the program’s resources: %s"),
             local_error->message);

  return bytes;
}

/* Set once, by whichever thread asks first: the GUI's export worker may
 * open a workspace while the main thread does. */
static gsize default_ready;
static GapCatalog *default_catalog;
static GError *default_error;

void
_gap_catalog_set_default (GapCatalog *catalog)
{
  g_return_if_fail (GAP_IS_CATALOG (catalog));

  if (g_once_init_enter (&default_ready))
    {
      default_catalog = g_object_ref (catalog);
      g_once_init_leave (&default_ready, 1);
      return;
    }
  /* Later calls swap catalogs between benchmark runs, when no other thread
   * uses the core. */
  g_set_object (&default_catalog, catalog);
}

static GapCatalog *
load_shipped (GError **error)
{
  g_autoptr(GBytes) edition_2013 = NULL;
  g_autoptr(GBytes) edition_2022 = NULL;
  g_autoptr(GBytes) mapping = NULL;
  g_autoptr(GBytes) services = NULL;

  if ((edition_2013 = lookup_resource (FILE_2013, error)) == NULL ||
      (edition_2022 = lookup_resource (FILE_2022, error)) == NULL ||
      (mapping = lookup_resource (FILE_MAPPING, error)) == NULL ||
      (services = lookup_resource (FILE_SERVICES, error)) == NULL)
    return NULL;

  return gap_catalog_new_from_data (edition_2013, edition_2022, mapping, services, error);
}

GapCatalog *
gap_catalog_get_default (GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_once_init_enter (&default_ready))
    {
      default_catalog = load_shipped (&default_error);
      g_once_init_leave (&default_ready, 1);
    }

  if (default_catalog == NULL)
    {
      g_propagate_error (error, g_error_copy (default_error));
      return NULL;
    }

  return default_catalog;
}

/* ---- lookups ---- */

static Edition *
get_edition (GapCatalog *self,
             GapEdition  edition)
{
  return &self->editions[edition == GAP_EDITION_2013 ? 0 : 1];
}

#define EDITION_IS_VALID(e) ((e) == GAP_EDITION_2013 || (e) == GAP_EDITION_2022)

GListModel *
gap_catalog_get_groups (GapCatalog *self,
                        GapEdition  edition)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (EDITION_IS_VALID (edition), NULL);

  return get_edition (self, edition)->groups_model;
}

GListModel *
gap_catalog_get_objectives (GapCatalog *self,
                            GapEdition  edition)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (EDITION_IS_VALID (edition), NULL);

  return get_edition (self, edition)->objectives_model;
}

GListModel *
gap_catalog_get_controls (GapCatalog *self,
                          GapEdition  edition)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (EDITION_IS_VALID (edition), NULL);

  return get_edition (self, edition)->controls_model;
}

GapControl *
gap_catalog_lookup_control (GapCatalog *self,
                            GapEdition  edition,
                            const char *id)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (EDITION_IS_VALID (edition), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (get_edition (self, edition)->controls_by_id, id);
}

GapGroup *
gap_catalog_lookup_group (GapCatalog *self,
                          GapEdition  edition,
                          const char *id)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (EDITION_IS_VALID (edition), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (get_edition (self, edition)->groups_by_id, id);
}

static GPtrArray *
copy_targets (GHashTable *map,
              const char *id)
{
  GPtrArray *targets = id != NULL ? g_hash_table_lookup (map, id) : NULL;
  GPtrArray *copy = g_ptr_array_new ();

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (targets, i));

  return copy;
}

GPtrArray *
gap_catalog_map_to_2022 (GapCatalog *self,
                         const char *id_2013)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  return copy_targets (self->to_2022, id_2013);
}

GPtrArray *
gap_catalog_map_to_2013 (GapCatalog *self,
                         const char *id_2022)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  return copy_targets (self->to_2013, id_2022);
}

GPtrArray *
gap_catalog_get_mapping_pairs (GapCatalog *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  copy = g_ptr_array_sized_new (self->pairs->len);
  for (guint i = 0; i < self->pairs->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (self->pairs, i));

  return copy;
}

GListModel *
gap_catalog_get_services (GapCatalog *self)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  return self->services_model;
}

GListModel *
gap_catalog_get_cert_families (GapCatalog *self)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  return self->families_model;
}

GapService *
gap_catalog_lookup_service (GapCatalog *self,
                            const char *id)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->services_by_id, id);
}

GapCertFamily *
gap_catalog_lookup_cert_family (GapCatalog *self,
                                const char *id)
{
  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->families_by_id, id);
}

/* ---- suggestions (DESIGN.md "Responsibility suggestions") ---- */

static void
reason_clear (gpointer data)
{
  GapSuggestionReason *reason = data;

  g_clear_object (&reason->service);
  g_clear_object (&reason->family);
}

/* The platform model of @service that leaves the provider the most of
 * @layer; professional services carry no layer. On a tie the model that
 * leaves the customer the most is named: what the provider runs even under
 * IaaS, it runs whichever way the service is used. */
static GapLayerOwner
best_owner (GapService           *service,
            GapLayerFlags         layer,
            GapServiceModelFlags *model_out)
{
  static const GapServiceModelFlags platforms[] = {
    GAP_SERVICE_MODEL_IAAS, GAP_SERVICE_MODEL_PAAS, GAP_SERVICE_MODEL_SAAS,
  };
  GapLayerOwner best = GAP_LAYER_OWNER_CUSTOMER;

  *model_out = GAP_SERVICE_MODEL_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      GapLayerOwner owner;

      if (!(gap_service_get_models (service) & platforms[i]))
        continue;
      owner = gap_layer_get_owner (layer, platforms[i]);
      if (owner > best)
        {
          best = owner;
          *model_out = platforms[i];
        }
    }

  return best;
}

GapSuggestion *
gap_catalog_suggest (GapCatalog         *self,
                     GapControl         *control,
                     const char * const *service_ids)
{
  GArray *reasons;
  GapLayerFlags layers;

  g_return_val_if_fail (GAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (GAP_IS_CONTROL (control), NULL);

  reasons = g_array_new (FALSE, TRUE, sizeof (GapSuggestionReason));
  g_array_set_clear_func (reasons, reason_clear);

  if (gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE)
    return _gap_suggestion_new (GAP_SUGGESTION_BASIS_CLAUSE, reasons);

  layers = gap_control_get_layers (control);
  if (layers == GAP_LAYER_NONE)
    return _gap_suggestion_new (GAP_SUGGESTION_BASIS_NO_LAYER, reasons);

  /* Layers in table order, services in catalog order: the same reasons in
   * the same order whatever order the caller lists the services in. */
  for (guint bit = 0; bit < GAP_N_LAYERS; bit++)
    {
      GapLayerFlags layer = 1 << bit;

      if (!(layers & layer))
        continue;

      for (guint i = 0; i < self->services->len; i++)
        {
          GapService *service = g_ptr_array_index (self->services, i);
          GapSuggestionReason reason = { 0 };

          if (service_ids == NULL ||
              !g_strv_contains (service_ids, gap_service_get_id (service)))
            continue;

          reason.owner = best_owner (service, layer, &reason.model);
          if (reason.owner == GAP_LAYER_OWNER_CUSTOMER)
            continue;

          reason.layer = layer;
          reason.service = g_object_ref (service);
          /* Its first family: the certificate the source document lists it under. */
          reason.family = g_object_ref (g_hash_table_lookup (self->families_by_id,
                                                             gap_service_get_family_ids (service)[0]));
          g_array_append_val (reasons, reason);
        }
    }

  return _gap_suggestion_new (GAP_SUGGESTION_BASIS_LAYERS, reasons);
}
