/* gap-migration.c — a 2013 workspace to 2022 through the Annex B correspondence
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The source is read into a GapDoc (gap-json-private.h), its assessments are
 * replaced by 2022 ones and the 2022 workspace is built from it whole, in
 * one batch, at a temporary name: a failed migration leaves nothing.
 *
 * Which 2013 answers a 2022 control takes:
 *  - Annex A: the 2013 controls that Annex B maps to it.
 *  - Clauses 4–10: the requirement with the same number, except that 10.1
 *    and 10.2 changed places in 2022 (continual improvement and
 *    nonconformity); 9.2.1/9.2.2 and 9.3.1–9.3.3 take 9.2 and 9.3, which
 *    2022 split; 6.3 (planning of changes) is new and starts not assessed.
 *
 * One source: its answer is copied as it is. Several sources are merged, so
 * that the merged answer never claims more than the weakest source:
 *  - applicability: applicable if any source is applicable. The fields
 *    below that decide the verdict (status, responsibility) are then taken
 *    from the applicable sources only: an excluded 2013 control says
 *    nothing of how the rest is implemented.
 *  - status: the least favourable, in the order not assessed (least),
 *    not implemented, planned, partial, alternative, implemented.
 *  - responsibility: the sources' value when they all agree; otherwise
 *    shared, because then the provider runs part of the control and the
 *    organization the rest, which is what shared means. (Organization would
 *    drop the services that do cover part of it; inherited would claim the
 *    organization has nothing left to do.)
 *  - services and reasons: the union. Priority: the highest. Due date: the
 *    earliest. Owner: the one owner, or the different ones joined with "; ".
 *  - justification, evidence and notes: every non-blank one, each on its own
 *    line and prefixed with its source ("A.13.2.1: …").
 *  - needs review: set on every 2022 control that received an answer, i.e.
 *    with at least one source that was ever filled in; a control whose
 *    sources were never touched receives nothing and is not flagged.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-error.h"
#include "gap-json-private.h"
#include "gap-migration.h"
#include "gap-text-private.h"

typedef struct
{
  char     *control_id;
  GStrv     sources;
  gboolean  merged;
  guint     conflicts;   /* 1 << GapAssessmentField */
  gboolean  needs_review;
  gboolean  is_new;      /* new in 2022 */
} ReportEntry;

struct _GapMigrationReport
{
  GPtrArray *entries;    /* ReportEntry, in 2022 catalog order */
  guint      n_review;
};

static void
report_entry_free (gpointer data)
{
  ReportEntry *entry = data;

  g_free (entry->control_id);
  g_strfreev (entry->sources);
  g_free (entry);
}

void
gap_migration_report_free (GapMigrationReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->entries);
  g_free (report);
}

/* The 2013 clause requirement whose answer a 2022 one takes, or NULL. */
static GapControl *
clause_source (GapCatalog *catalog,
               const char *id_2022)
{
  g_autofree char *id = NULL;

  if (strcmp (id_2022, "10.1") == 0)
    return gap_catalog_lookup_control (catalog, GAP_EDITION_2013, "10.2");
  if (strcmp (id_2022, "10.2") == 0)
    return gap_catalog_lookup_control (catalog, GAP_EDITION_2013, "10.1");

  /* The same number, or the nearest parent that 2013 has ("9.2.1" → "9.2"),
   * but never a bare clause number. */
  id = g_strdup (id_2022);
  while (strchr (id, '.') != NULL)
    {
      GapControl *control = gap_catalog_lookup_control (catalog, GAP_EDITION_2013, id);

      if (control != NULL && gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE)
        return control;
      *strrchr (id, '.') = '\0';
    }

  return NULL;
}

/* Element type GapDocAssessment (borrowed from @source), in the order of
 * the 2013 catalog. */
static GPtrArray *
find_sources (GapDoc     *source,
              GHashTable *by_control,
              GapControl *control_2022)
{
  GPtrArray *sources = g_ptr_array_new ();
  GapControl *clause;

  if (gap_control_get_kind (control_2022) == GAP_CONTROL_KIND_CLAUSE)
    {
      clause = clause_source (source->catalog, gap_control_get_id (control_2022));
      if (clause != NULL && g_hash_table_contains (by_control, clause))
        g_ptr_array_add (sources, g_hash_table_lookup (by_control, clause));
    }
  else
    {
      g_autoptr(GPtrArray) controls = gap_catalog_map_to_2013 (source->catalog,
                                                               gap_control_get_id (control_2022));

      for (guint i = 0; i < controls->len; i++)
        {
          GapDocAssessment *found = g_hash_table_lookup (by_control,
                                                         g_ptr_array_index (controls, i));
          if (found != NULL)
            g_ptr_array_add (sources, found);
        }
    }

  return sources;
}

/* Ever filled in: anything differs from how a workspace starts. */
static gboolean
is_touched (GapDocAssessment *a)
{
  return a->applicability != GAP_APPLICABILITY_APPLICABLE ||
         a->status != GAP_STATUS_NOT_ASSESSED ||
         a->responsibility != GAP_RESPONSIBILITY_ORGANIZATION ||
         a->reasons != GAP_REASON_NONE ||
         a->priority != GAP_PRIORITY_NONE ||
         a->services[0] != NULL ||
         a->needs_review ||
         !_gap_text_is_blank (a->justification) ||
         !_gap_text_is_blank (a->owner) ||
         !_gap_text_is_blank (a->due_date) ||
         !_gap_text_is_blank (a->evidence) ||
         !_gap_text_is_blank (a->notes);
}

static int
status_rank (GapStatus status)
{
  switch (status)
    {
    case GAP_STATUS_NOT_ASSESSED: return 0;
    case GAP_STATUS_NOT_IMPLEMENTED: return 1;
    case GAP_STATUS_PLANNED: return 2;
    case GAP_STATUS_PARTIAL: return 3;
    case GAP_STATUS_ALTERNATIVE: return 4;
    case GAP_STATUS_IMPLEMENTED: return 5;
    default: return 0;
    }
}

typedef const char *(*TextField) (GapDocAssessment *a);

static const char *justification_of (GapDocAssessment *a) { return a->justification; }
static const char *evidence_of (GapDocAssessment *a) { return a->evidence; }
static const char *notes_of (GapDocAssessment *a) { return a->notes; }

/* "A.13.2.1: …\nA.13.2.2: …" of the non-blank ones, or NULL. */
static char *
join_prefixed (GPtrArray *sources,
               TextField  field)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      GapDocAssessment *a = g_ptr_array_index (sources, i);
      const char *text = field (a);

      if (_gap_text_is_blank (text))
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append_printf (joined, "%s: %s", gap_control_get_id (a->control), text);
    }

  return joined->len > 0 ? g_string_free (g_steal_pointer (&joined), FALSE) : NULL;
}

/* Merges @sources (at least two) into @into, noting in @conflicts the
 * fields on which they disagreed. */
static void
merge_sources (GPtrArray        *sources,
               GapDocAssessment *into,
               guint            *conflicts)
{
  g_autoptr(GPtrArray) deciding = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) due_dates = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) services = g_strv_builder_new ();
  g_autoptr(GHashTable) seen_services = g_hash_table_new (g_str_hash, g_str_equal);
  GapDocAssessment *first = g_ptr_array_index (sources, 0);
  gboolean any_applicable = FALSE;

  *conflicts = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      GapDocAssessment *a = g_ptr_array_index (sources, i);

      any_applicable |= a->applicability == GAP_APPLICABILITY_APPLICABLE;
      if (a->applicability != first->applicability)
        *conflicts |= 1u << GAP_FIELD_APPLICABILITY;
      if (a->reasons != first->reasons)
        *conflicts |= 1u << GAP_FIELD_REASONS;
      if (a->priority != first->priority)
        *conflicts |= 1u << GAP_FIELD_PRIORITY;
      if (!g_strv_equal ((const char * const *) a->services,
                         (const char * const *) first->services))
        *conflicts |= 1u << GAP_FIELD_SERVICES;

      into->reasons |= a->reasons;
      into->priority = MAX (into->priority, a->priority);
      into->needs_review |= a->needs_review;

      for (guint k = 0; a->services[k] != NULL; k++)
        if (g_hash_table_add (seen_services, a->services[k]))
          g_strv_builder_add (services, a->services[k]);

      if (!_gap_text_is_blank (a->owner) &&
          !g_ptr_array_find_with_equal_func (owners, a->owner, g_str_equal, NULL))
        g_ptr_array_add (owners, a->owner);

      if (a->due_date != NULL && a->due_date[0] != '\0' &&
          !g_ptr_array_find_with_equal_func (due_dates, a->due_date, g_str_equal, NULL))
        g_ptr_array_add (due_dates, a->due_date);
    }

  into->applicability = any_applicable ? GAP_APPLICABILITY_APPLICABLE
                                       : GAP_APPLICABILITY_NOT_APPLICABLE;

  /* Status and responsibility decide the verdict: from the sources that
   * count (see the top of the file). */
  for (guint i = 0; i < sources->len; i++)
    {
      GapDocAssessment *a = g_ptr_array_index (sources, i);

      if (!any_applicable || a->applicability == GAP_APPLICABILITY_APPLICABLE)
        g_ptr_array_add (deciding, a);
    }

  into->status = ((GapDocAssessment *) g_ptr_array_index (deciding, 0))->status;
  into->responsibility = ((GapDocAssessment *) g_ptr_array_index (deciding, 0))->responsibility;
  for (guint i = 1; i < deciding->len; i++)
    {
      GapDocAssessment *a = g_ptr_array_index (deciding, i);

      if (a->status != into->status)
        *conflicts |= 1u << GAP_FIELD_STATUS;
      if (status_rank (a->status) < status_rank (into->status))
        into->status = a->status;

      if (a->responsibility != into->responsibility)
        {
          *conflicts |= 1u << GAP_FIELD_RESPONSIBILITY;
          into->responsibility = GAP_RESPONSIBILITY_SHARED;
        }
    }

  g_strfreev (into->services);
  into->services = g_strv_builder_end (services);

  if (owners->len > 1)
    *conflicts |= 1u << GAP_FIELD_OWNER;
  g_ptr_array_add (owners, NULL);
  into->owner = owners->len > 1 ? g_strjoinv ("; ", (char **) owners->pdata) : NULL;

  if (due_dates->len > 1)
    *conflicts |= 1u << GAP_FIELD_DUE_DATE;
  for (guint i = 0; i < due_dates->len; i++)
    if (into->due_date == NULL || strcmp (g_ptr_array_index (due_dates, i), into->due_date) < 0)
      {
        g_free (into->due_date);
        into->due_date = g_strdup (g_ptr_array_index (due_dates, i));
      }

  into->justification = join_prefixed (sources, justification_of);
  into->evidence = join_prefixed (sources, evidence_of);
  into->notes = join_prefixed (sources, notes_of);
}

static void
copy_source (GapDocAssessment *source,
             GapDocAssessment *into)
{
  into->applicability = source->applicability;
  into->justification = g_strdup (source->justification);
  into->reasons = source->reasons;
  into->responsibility = source->responsibility;
  g_strfreev (into->services);
  into->services = g_strdupv (source->services);
  into->status = source->status;
  into->owner = g_strdup (source->owner);
  into->due_date = g_strdup (source->due_date);
  into->priority = source->priority;
  into->evidence = g_strdup (source->evidence);
  into->notes = g_strdup (source->notes);
}

GapWorkspace *
gap_migrate_workspace (GapWorkspace        *source,
                       GFile               *dest,
                       GapMigrationReport **report,
                       GError             **error)
{
  g_autoptr(GapDoc) doc = NULL;
  g_autoptr(GHashTable) by_control = NULL;
  g_autoptr(GPtrArray) migrated = NULL;
  g_autoptr(GapMigrationReport) result = NULL;
  GapWorkspace *workspace;
  GListModel *controls;
  guint n;

  g_return_val_if_fail (GAP_IS_WORKSPACE (source), NULL);
  g_return_val_if_fail (G_IS_FILE (dest), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (gap_workspace_get_edition (source) != GAP_EDITION_2013)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_WRONG_EDITION,
                   _("Only a workspace of ISO/IEC 27001:2013 can be migrated; this one is "
                     "already ISO/IEC 27001:%s"),
                   gap_edition_to_string (gap_workspace_get_edition (source)));
      return NULL;
    }

  doc = _gap_doc_new_from_workspace (source);
  by_control = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < doc->assessments->len; i++)
    {
      GapDocAssessment *a = g_ptr_array_index (doc->assessments, i);
      g_hash_table_insert (by_control, a->control, a);
    }

  result = g_new0 (GapMigrationReport, 1);
  result->entries = g_ptr_array_new_with_free_func (report_entry_free);
  migrated = g_ptr_array_new_with_free_func (_gap_doc_assessment_free);

  controls = gap_catalog_get_controls (doc->catalog, GAP_EDITION_2022);
  n = g_list_model_get_n_items (controls);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      g_autoptr(GPtrArray) sources = find_sources (doc, by_control, control);
      g_autoptr(GStrvBuilder) source_ids = g_strv_builder_new ();
      GapDocAssessment *into = _gap_doc_assessment_new (control);
      ReportEntry *entry = g_new0 (ReportEntry, 1);
      gboolean touched = FALSE;

      for (guint k = 0; k < sources->len; k++)
        {
          GapDocAssessment *a = g_ptr_array_index (sources, k);

          g_strv_builder_add (source_ids, gap_control_get_id (a->control));
          touched |= is_touched (a);
        }

      if (sources->len == 1)
        copy_source (g_ptr_array_index (sources, 0), into);
      else if (sources->len > 1)
        merge_sources (sources, into, &entry->conflicts);

      into->needs_review = touched;
      g_ptr_array_add (migrated, into);

      entry->control_id = g_strdup (gap_control_get_id (control));
      entry->sources = g_strv_builder_end (source_ids);
      entry->merged = sources->len > 1;
      entry->needs_review = touched;
      entry->is_new = sources->len == 0;
      if (touched)
        result->n_review++;
      g_ptr_array_add (result->entries, entry);
    }

  g_ptr_array_unref (doc->assessments);
  doc->assessments = g_steal_pointer (&migrated);
  doc->edition = GAP_EDITION_2022;
  /* A new identity: the 2022 assessment is another subject than the 2013
   * one, which stays as it was, and their OSCAL plans must not share
   * UUIDs (docs/oscal.md). */
  g_clear_pointer (&doc->uuid, g_free);

  workspace = _gap_doc_create_workspace (doc, dest, error);
  if (workspace == NULL)
    return NULL;

  if (report != NULL)
    *report = g_steal_pointer (&result);

  return workspace;
}

guint
gap_migration_report_get_n_review (GapMigrationReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_review;
}

guint
gap_migration_report_get_n_controls (GapMigrationReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->entries->len;
}

static ReportEntry *
report_get (GapMigrationReport *report,
            guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->entries->len, NULL);

  return g_ptr_array_index (report->entries, index);
}

const char *
gap_migration_report_get_control_id (GapMigrationReport *report,
                                     guint               index)
{
  ReportEntry *entry = report_get (report, index);
  return entry != NULL ? entry->control_id : NULL;
}

const char * const *
gap_migration_report_get_sources (GapMigrationReport *report,
                                  guint               index)
{
  ReportEntry *entry = report_get (report, index);
  return entry != NULL ? (const char * const *) entry->sources : NULL;
}

gboolean
gap_migration_report_get_merged (GapMigrationReport *report,
                                 guint               index)
{
  ReportEntry *entry = report_get (report, index);
  return entry != NULL && entry->merged;
}

guint
gap_migration_report_get_conflicts (GapMigrationReport *report,
                                    guint               index)
{
  ReportEntry *entry = report_get (report, index);
  return entry != NULL ? entry->conflicts : 0;
}

gboolean
gap_migration_report_get_needs_review (GapMigrationReport *report,
                                       guint               index)
{
  ReportEntry *entry = report_get (report, index);
  return entry != NULL && entry->needs_review;
}

gboolean
gap_migration_report_lookup (GapMigrationReport *report,
                             const char         *control_id,
                             guint              *index)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (control_id != NULL, FALSE);

  for (guint i = 0; i < report->entries->len; i++)
    {
      ReportEntry *entry = g_ptr_array_index (report->entries, i);

      if (strcmp (entry->control_id, control_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

char *
gap_migration_report_to_text (GapMigrationReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_merged = 0;
  guint n_new = 0;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->entries->len; i++)
    {
      ReportEntry *entry = g_ptr_array_index (report->entries, i);
      g_autofree char *sources = NULL;
      g_autoptr(GString) conflicts = NULL;

      n_merged += entry->merged;
      n_new += entry->is_new;

      if (!entry->merged && !entry->needs_review)
        continue;

      sources = g_strjoinv (", ", entry->sources);
      if (entry->conflicts != 0)
        {
          conflicts = g_string_new (NULL);
          for (guint field = 0; field < GAP_N_ASSESSMENT_FIELDS; field++)
            if (entry->conflicts & (1u << field))
              {
                if (conflicts->len > 0)
                  /* Translators: between the names of fields in a list */
                  g_string_append (conflicts, _(", "));
                g_string_append (conflicts, gap_assessment_field_get_label (field));
              }
        }

      if (entry->merged && conflicts != NULL)
        /* Translators: a 2022 control, the 2013 controls merged into it, and
         * the fields on which they disagreed */
        g_string_append_printf (text, _("%s ← %s: merged; the sources disagree on %s; review"),
                                entry->control_id, sources, conflicts->str);
      else if (entry->merged && entry->needs_review)
        g_string_append_printf (text, _("%s ← %s: merged; review"),
                                entry->control_id, sources);
      else if (entry->merged)
        g_string_append_printf (text, _("%s ← %s: merged; nothing was assessed"),
                                entry->control_id, sources);
      else
        g_string_append_printf (text, _("%s ← %s: copied; review"),
                                entry->control_id, sources);
      g_string_append_c (text, '\n');
    }

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u control needs review.",
                                       "%u controls need review.", report->n_review),
                          report->n_review);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u control merges several 2013 controls.",
                                       "%u controls merge several 2013 controls.", n_merged),
                          n_merged);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u control is new in 2022 and starts not assessed.",
                                       "%u controls are new in 2022 and start not assessed.",
                                       n_new),
                          n_new);
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
