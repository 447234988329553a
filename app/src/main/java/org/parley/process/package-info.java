/**
 * The dialogue: processes, their parties and mediators, tracks (channels) and the sessions held in them.
 * Other features use {@link org.parley.process.Processes} and the records beside it; they learn of
 * changes through the events in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process")
package org.parley.process;
