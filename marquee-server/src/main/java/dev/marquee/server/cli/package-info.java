/** The {@code marquee} subcommands; each parses its options and delegates to the modules, holding no logic of its own. */
package dev.marquee.server.cli;
