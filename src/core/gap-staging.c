/* gap-staging.c — build a workspace at a temporary name, rename it when whole
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import, migration, the demo and `isms-gap-cli new` all make a new file
 * that must either be complete or not exist: a half-imported workspace
 * looks like a real one and would mislead.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gap-error.h"
#include "gap-staging-private.h"

/* Errors speak of the file the user asked for, never of the hidden
 * temporary name it is built under. */
static void
name_dest (GError *error,
           GFile  *staging,
           GFile  *dest)
{
  g_autofree char *staging_name = g_file_get_parse_name (staging);
  g_autofree char *dest_name = NULL;
  g_auto(GStrv) parts = NULL;

  if (error == NULL || strstr (error->message, staging_name) == NULL)
    return;
  dest_name = g_file_get_parse_name (dest);
  parts = g_strsplit (error->message, staging_name, -1);
  g_free (error->message);
  error->message = g_strjoinv (dest_name, parts);
}

/* Renames @staging to @dest unless @dest exists, atomically: two processes
 * importing to the same name must not both succeed, the second silently
 * replacing the first's file. A hard link fails if @dest exists; where the
 * file system has none, a plain move (checked just before) is the best
 * there is. */
static gboolean
move_no_replace (GFile   *staging,
                 GFile   *dest,
                 GError **error)
{
  const char *from = g_file_peek_path (staging);
  const char *to = g_file_peek_path (dest);

  if (from != NULL && to != NULL)
    {
      if (link (from, to) == 0)
        {
          g_unlink (from);
          return TRUE;
        }
      if (errno == EEXIST)
        {
          g_autofree char *name = g_file_get_parse_name (dest);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), name);
          return FALSE;
        }
      if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EXDEV &&
          errno != EMLINK && errno != ENOSYS)
        {
          int saved_errno = errno;
          g_autofree char *name = g_file_get_parse_name (dest);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create “%s”: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }
    }
  if (g_file_query_exists (dest, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), name);
      return FALSE;
    }
  return g_file_move (staging, dest, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, error);
}

static void
remove_leftovers (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (path == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) leftover = g_file_new_for_path (name);

      g_file_delete (leftover, NULL, NULL);
    }
}

GapWorkspace *
_gap_workspace_create_staged (GFile          *dest,
                              GapEdition      edition,
                              const char     *organization,
                              GapStagingFill  fill,
                              gpointer        user_data,
                              GError        **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) staging = NULL;
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (dest), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* SQLite writes local files only: say so before trying anything. */
  if (g_file_peek_path (dest) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file."), name);
      return NULL;
    }

  if (g_file_query_exists (dest, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (dest);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists"), name);
      return NULL;
    }

  parent = g_file_get_parent (dest);
  basename = g_file_get_basename (dest);
  if (parent == NULL || basename == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Not a file name: “%s”"), g_file_peek_path (dest));
      return NULL;
    }

  /* A name nobody else uses, in the same folder so the rename stays on
   * one file system and is atomic. */
  for (guint attempt = 0; workspace == NULL; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());

      g_clear_object (&staging);
      g_clear_error (&local_error);
      staging = g_file_get_child (parent, name);
      workspace = gap_workspace_create (staging, edition, organization, &local_error);
      if (workspace == NULL &&
          (attempt >= 16 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            remove_leftovers (staging);
          name_dest (local_error, staging, dest);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (fill != NULL)
    {
      if (!gap_workspace_begin_batch (workspace, &local_error))
        goto failed;

      if (!fill (workspace, user_data, &local_error))
        {
          gap_workspace_end_batch (workspace, FALSE, NULL);
          goto failed;
        }

      if (!gap_workspace_end_batch (workspace, TRUE, &local_error))
        goto failed;
    }

  gap_workspace_close (workspace);
  g_clear_object (&workspace);

  if (!move_no_replace (staging, dest, &local_error))
    goto failed;

  workspace = gap_workspace_open (dest, &local_error);
  if (workspace == NULL)
    {
      /* Whole but unusable: the caller is told it failed, so do not leave
       * a file that suggests otherwise. */
      remove_leftovers (dest);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&workspace);

failed:
  if (workspace != NULL)
    gap_workspace_close (workspace);
  remove_leftovers (staging);
  name_dest (local_error, staging, dest);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
