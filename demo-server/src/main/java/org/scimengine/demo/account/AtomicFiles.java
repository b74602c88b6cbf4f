package org.scimengine.demo.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content all at once: readers (and a restart after a crash) see the old content or the new,
 * never a part. The content goes to a temporary file in the same directory, is forced to disk, and is moved over
 * the target with {@link StandardCopyOption#ATOMIC_MOVE}, a rename, which the file system does whole.
 */
final class AtomicFiles {

    /** Temporary files start with the target's name and end with this. */
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * @throws AtomicMoveNotSupportedException if the directory's file system cannot rename atomically; the
     *     target is then unchanged
     * @throws IOException if writing fails; the target is then unchanged and no temporary file is left
     */
    static void write(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        // createTempFile makes the file readable by its owner only, on POSIX systems: the move keeps that.
        Path temp = Files.createTempFile(directory, target.getFileName().toString() + ".", TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename: else a crash could leave the new name pointing at empty content.
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            forceDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes the rename itself durable where the platform allows syncing a directory (Linux, macOS). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its renames are journaled by NTFS.
        }
    }
}
