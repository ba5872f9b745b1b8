/* gap-export-file.c — an output file that appears whole or not at all
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A temporary file in the destination's folder (so the final rename stays
 * on one file system and is atomic), renamed over the destination only
 * once everything is written and closed. g_file_replace() is not enough:
 * when the destination does not exist yet it writes it in place.
 *
 * Where the file system allows it (Linux, O_TMPFILE) the temporary file
 * has no name until it is complete: a process killed while writing (or a
 * power cut) leaves nothing behind, not even a hidden partial file. It is
 * then linked in as @dest when @dest is new, or given a hidden name beside
 * @dest and renamed over it when it replaces a file. Elsewhere (a
 * portal's FUSE folder, another OS) a named hidden temporary is used.
 */

/* O_TMPFILE and linkat() flags are GNU extensions of <fcntl.h>. */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gfiledescriptorbased.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "gap-export-private.h"

struct _GapExportFile
{
  GFile             *dest;
  GFile             *temp;      /* the named temporary: created, or linked at commit */
  GOutputStream     *stream;
  int                fd;        /* the anonymous temporary (O_TMPFILE), or -1 */
  gboolean           closed;
  gboolean           committed;
};

/* One translated line that names the destination, never the temporary
 * name, with a GapError code a caller can act on. */
static void
set_write_error (GError **error,
                 GFile   *dest,
                 GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (dest);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY,
                 _("Could not write “%s”: the folder may not be written to."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, GAP_ERROR, GAP_ERROR_NO_SPACE,
                 _("Could not write “%s”: the disk is full."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, GAP_ERROR, GAP_ERROR_IO,
                 _("Could not write “%s”: the folder does not exist."), name);
  else
    g_set_error (error, GAP_ERROR, GAP_ERROR_IO, _("Could not write “%s”: %s"), name,
                 cause->message);
}

GapExportFile *
_gap_export_file_new (GFile         *dest,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;
  GapExportFile *self;

  g_return_val_if_fail (G_IS_FILE (dest), NULL);

  parent = g_file_get_parent (dest);
  basename = g_file_get_basename (dest);
  if (parent == NULL || basename == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("“%s” is not a file name."), name);
      return NULL;
    }
  /* The rename would put a file in the place of a device or a FIFO
   * (/dev/null, as root), not write into it. */
  if (g_file_query_file_type (dest, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_SPECIAL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT,
                   _("Could not write “%s”: it is not a regular file."), name);
      return NULL;
    }

  self = g_new0 (GapExportFile, 1);
  self->dest = g_object_ref (dest);
  self->fd = -1;

#ifdef O_TMPFILE
  {
    g_autofree char *folder = g_file_get_path (parent);

    if (folder != NULL)
      self->fd = g_open (folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (self->fd >= 0)
      {
        self->stream = g_unix_output_stream_new (self->fd, FALSE);
        return self;
      }
    /* Not supported there: fall back to a named temporary. Any other
     * error (permissions, a full disk) the named one reports too. */
  }
#endif

  /* A hidden name nobody else uses; retry on the rare collision. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temp_name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());

      g_clear_object (&self->temp);
      g_clear_object (&self->stream);
      g_clear_error (&local_error);
      self->temp = g_file_get_child (parent, temp_name);
      self->stream = G_OUTPUT_STREAM (g_file_create (self->temp, G_FILE_CREATE_PRIVATE,
                                                     cancellable, &local_error));
      if (self->stream != NULL ||
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }

  if (self->stream == NULL)
    {
      set_write_error (error, dest, local_error);
      g_clear_object (&self->temp);
      _gap_export_file_free (self);
      return NULL;
    }

  return self;
}

GOutputStream *
_gap_export_file_get_stream (GapExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return G_OUTPUT_STREAM (self->stream);
}

void
_gap_export_file_start_writeback (GapExportFile *self)
{
  g_return_if_fail (self != NULL);

#ifdef SYNC_FILE_RANGE_WRITE
  {
    int fd = self->fd;

    if (fd < 0 && G_IS_FILE_DESCRIPTOR_BASED (self->stream))
      fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (self->stream));
    /* A hint only: what fails here fails again at the commit's fsync(). */
    if (fd >= 0 && !self->closed)
      (void) sync_file_range (fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  }
#endif
}

gboolean
_gap_export_file_close (GapExportFile  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->closed)
    return TRUE;

  self->closed = TRUE;
  if (!g_output_stream_close (G_OUTPUT_STREAM (self->stream), cancellable, &local_error))
    {
      set_write_error (error, self->dest, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Gives the anonymous temporary a hidden name beside @dest (self->temp).
 * Only a complete file gets a name, and only for the instant before the
 * rename. */
static gboolean
link_anonymous (GapExportFile  *self,
                GError        **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (self->dest);
  g_autofree char *basename = g_file_get_basename (self->dest);
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);
  g_autoptr(GError) cause = NULL;
  int saved_errno = 0;

  /* Data first, then the name: a power cut must not leave an empty file. */
  if (fsync (self->fd) != 0)
    saved_errno = errno;

  /* A new destination takes the name at once: no instant with a hidden
   * temporary that a kill could leave behind. linkat() cannot replace an
   * existing file, so a replacement goes through a hidden name and rename. */
  if (saved_errno == 0)
    {
      g_autofree char *dest_path = g_file_get_path (self->dest);

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, dest_path, AT_SYMLINK_FOLLOW) == 0)
        {
          g_clear_object (&self->temp);
          return TRUE;
        }
      if (errno != EEXIST)
        saved_errno = errno;
    }

  for (guint attempt = 0; saved_errno == 0 && attempt < 100; attempt++)
    {
      g_autofree char *temp_name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autofree char *temp_path = NULL;

      g_clear_object (&self->temp);
      self->temp = g_file_get_child (parent, temp_name);
      temp_path = g_file_get_path (self->temp);
      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, temp_path, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      saved_errno = errno == EEXIST ? 0 : errno;
    }

  g_clear_object (&self->temp);
  if (saved_errno == 0)
    saved_errno = EEXIST;
  cause = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
  set_write_error (error, self->dest, cause);
  return FALSE;
}

gboolean
_gap_export_file_commit (GapExportFile  *self,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (!_gap_export_file_close (self, cancellable, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (self->fd >= 0 && !link_anonymous (self, error))
    return FALSE;

  /* rename(2) for local files: atomic, and the old file stays until then. */
  if (self->temp != NULL &&
      !g_file_move (self->temp, self->dest,
                      G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      NULL, NULL, NULL, &local_error))
    {
      set_write_error (error, self->dest, local_error);
      return FALSE;
    }

  self->committed = TRUE;
  return TRUE;
}

void
_gap_export_file_free (GapExportFile *self)
{
  if (self == NULL)
    return;

  if (self->stream != NULL && !self->closed)
    g_output_stream_close (G_OUTPUT_STREAM (self->stream), NULL, NULL);
  if (self->temp != NULL && !self->committed)
    g_file_delete (self->temp, NULL, NULL);
  /* An anonymous temporary vanishes with its descriptor. */
  if (self->fd >= 0)
    close (self->fd);

  g_clear_object (&self->stream);
  g_clear_object (&self->temp);
  g_clear_object (&self->dest);
  g_free (self);
}
