/**
 * The database underneath every module: the embedded PostgreSQL of the zero-setup start (its
 * supervisor, stale lock files, orphaned servers), the deployment guard that refuses a database
 * written by the other mode or other keys, and queued writes (writes a transaction does not wait
 * on, sent with its next statement or its COMMIT).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.prakerja.database;
