package org.partnerdesk.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The shell examples of a Markdown page, read as a shell would read them: the {@code bash} fenced blocks, their
 * commands (quotes spanning lines, {@code \} continuations, {@code ;}, comments) with {@code $VAR} expanded from the
 * assignments before them. A block right after {@code <!-- not run: why -->} is left out.
 */
final class ShellExamples {

    /** One command as a shell would run it: its words, the comment after it, and where it starts. */
    record Command(List<String> words, @Nullable String comment, String source, int line) {

        boolean isAssignment() {
            return !words.isEmpty() && words.getFirst().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
        }
    }

    /** A runnable block: its text and the line of the page it starts on. */
    record Block(String text, String source, int firstLine) {
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\w*).*$");
    private static final Pattern NOT_RUN = Pattern.compile("^<!--\\s*not run:.*-->\\s*$");

    private ShellExamples() {
    }

    static List<Block> blocks(String markdown, String source) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                continue;
            }
            String language = fence.group(1);
            boolean skipped = i > 0 && NOT_RUN.matcher(lines[i - 1].strip()).matches();
            int start = i + 1;
            int end = start;
            while (end < lines.length && !lines[end].startsWith("```")) {
                end++;
            }
            if (List.of("bash", "sh", "shell").contains(language) && !skipped) {
                blocks.add(new Block(String.join("\n", List.of(lines).subList(start, end)) + "\n", source, start + 1));
            }
            i = end;
        }
        return blocks;
    }

    /**
     * The commands of a block, one at a time: {@code run} sees each one before the next is read, so the assignments
     * it makes ({@code U=…}) are expanded in the commands after it, as in a shell.
     */
    static void each(Block block, Map<String, String> variables, java.util.function.Consumer<Command> run) {
        Lexer lexer = new Lexer(block, variables::get);
        for (Command command = lexer.next(); command != null; command = lexer.next()) {
            if (command.isAssignment()) {
                for (String word : command.words()) {
                    int eq = word.indexOf('=');
                    variables.put(word.substring(0, eq), word.substring(eq + 1));
                }
            } else if (!command.words().isEmpty()) {
                run.accept(command);
            }
        }
    }

    /** Enough of the POSIX shell's word splitting and quoting for documentation examples; the rest is refused. */
    private static final class Lexer {

        private final String text;
        private final String source;
        private final int firstLine;
        private final Function<String, @Nullable String> variables;
        private int at;
        private int line;

        Lexer(Block block, Function<String, @Nullable String> variables) {
            this.text = block.text();
            this.source = block.source();
            this.firstLine = block.firstLine();
            this.variables = variables;
        }

        @Nullable Command next() {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            String comment = null;
            int startLine = firstLine + line;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\\' && at + 1 < text.length()) {
                    char escaped = text.charAt(at + 1);
                    at += 2;
                    if (escaped == '\n') {
                        line++;
                    } else {
                        word = append(word, escaped);
                    }
                } else if (c == '\'') {
                    int close = text.indexOf('\'', at + 1);
                    require(close > 0, "an unclosed '");
                    String quoted = text.substring(at + 1, close);
                    line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                    word = (word == null ? new StringBuilder() : word).append(quoted);
                    at = close + 1;
                } else if (c == '"') {
                    word = word == null ? new StringBuilder() : word;
                    at++;
                    while (true) {
                        require(at < text.length(), "an unclosed \"");
                        char d = text.charAt(at);
                        if (d == '"') {
                            at++;
                            break;
                        } else if (d == '\\' && at + 1 < text.length() && "\"\\$`".indexOf(text.charAt(at + 1)) >= 0) {
                            word.append(text.charAt(at + 1));
                            at += 2;
                        } else if (d == '$') {
                            word.append(variable());
                        } else {
                            if (d == '\n') {
                                line++;
                            }
                            word.append(d);
                            at++;
                        }
                    }
                } else if (c == '$') {
                    word = (word == null ? new StringBuilder() : word).append(variable());
                } else if (c == '#' && word == null) {
                    int end = text.indexOf('\n', at);
                    end = end < 0 ? text.length() : end;
                    comment = text.substring(at + 1, end).strip();
                    at = end;
                } else if (c == ' ' || c == '\t') {
                    word = flush(words, word);
                    at++;
                } else if (c == '\n' || c == ';') {
                    word = flush(words, word);
                    at++;
                    if (c == '\n') {
                        line++;
                    }
                    if (!words.isEmpty() || comment != null) {
                        return new Command(List.copyOf(words), comment, source, startLine);
                    }
                    startLine = firstLine + line;
                } else {
                    require("|&<>`(){}".indexOf(c) < 0, "the shell operator " + c + " (pipes, redirections and "
                            + "substitutions are not run; put <!-- not run: why --> before the block)");
                    word = append(word, c);
                    at++;
                }
            }
            flush(words, word);
            return words.isEmpty() ? null : new Command(List.copyOf(words), comment, source, startLine);
        }

        private String variable() {
            at++; // the $
            require(at < text.length() && text.charAt(at) != '(', "a command substitution $( … )");
            boolean braced = text.charAt(at) == '{';
            int start = braced ? at + 1 : at;
            int end = start;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            String name = text.substring(start, end);
            require(!name.isEmpty(), "a lone $");
            at = braced ? end + 1 : end;
            if (name.equals("PWD")) {
                return ".";
            }
            String value = variables.apply(name);
            require(value != null, "the variable $" + name + ", which no line before it sets");
            return value;
        }

        private void require(boolean condition, String what) {
            if (!condition) {
                throw new IllegalArgumentException(source + ":" + (firstLine + line) + ": cannot run " + what);
            }
        }

        private static StringBuilder append(@Nullable StringBuilder word, char c) {
            return (word == null ? new StringBuilder() : word).append(c);
        }

        private static @Nullable StringBuilder flush(List<String> words, @Nullable StringBuilder word) {
            if (word != null) {
                words.add(word.toString());
            }
            return null;
        }
    }
}
