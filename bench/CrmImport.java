import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DIR-7 CRM import benchmark: JDK only, loopback only.
 *
 *   java bench/CrmImport.java generate DIR ORGS CONTACTS
 *   java bench/CrmImport.java run URL ADMIN_EMAIL ADMIN_TOKEN DIR
 *
 * generate writes DIR/accounts.csv (80% customers, the rest Open, Select, Technology and Distributor partners, each
 * with its own domain) and DIR/contacts.csv (CONTACTS contacts spread over them) as a Salesforce export looks: a BOM,
 * CRLF, quoted names with commas, doubled quotes and now and then a newline, and one contact in a thousand that a
 * partner account claims with a customer's address (a DIR-3 reject).
 * run puts the admin in Support Managers (alliance organizations take members only from them, DIR-4), then imports
 * accounts and contacts with POST /api/v2/imports/crm twice and prints the time and the counts of each run.
 */
public class CrmImport {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "run" -> run(args[1], args[2], args[3], Path.of(args[4]));
            default -> {
                System.err.println("usage: generate DIR ORGS CONTACTS | run URL EMAIL TOKEN DIR");
                System.exit(2);
            }
        }
    }

    static boolean isCustomer(int org) {
        return org % 5 != 0;
    }

    static void generate(Path dir, int orgs, int contacts) throws IOException {
        Files.createDirectories(dir);
        String[] tracks = {"Open", "Select", "Technology", "Distributor"};
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8)) {
            out.write("\uFEFFId,Name,Type,Partner_Track__c,Partner_Status__c,Parent_Company__c,Domains__c\r\n");
            for (int org = 0; org < orgs; org++) {
                String name = "\"Company " + org + ", " + (isCustomer(org) ? "Inc." : "Partners \"\"Ltd\"\"") + "\"";
                out.write("001B" + org + "," + name + "," + (isCustomer(org) ? "Customer,,," : "Partner," + tracks[(org / 5) % 4]
                        + "," + (org % 7 == 0 ? "Former" : "Authorized") + ",") + (org % 3 == 0 ? "\"Group " + org / 3 + "\"" : "")
                        + ",\"org" + org + ".test;www-org" + org + ".test\"\r\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("contacts.csv"), StandardCharsets.UTF_8)) {
            out.write("\uFEFFId,AccountId,FirstName,LastName,Email\r\n");
            for (int contact = 0; contact < contacts; contact++) {
                int org = contact % orgs;
                String email = "c" + contact + "@org" + org + ".test";
                if (contact % 1000 == 999) {
                    org = (contact / 1000 % (orgs / 5)) * 5; // a partner account ...
                    email = "c" + contact + "@org" + (org + 1) + ".test"; // ... claiming a customer's contact (DIR-3)
                }
                String last = switch (contact % 10) {
                    case 0 -> "\"Smith, III\"";
                    case 1 -> "\"O\"\"Brien\"";
                    case 2 -> "\"Multi\r\nLine\"";
                    default -> "Last" + contact;
                };
                out.write("003C" + contact + ",001B" + org + ",First" + contact + "," + last + "," + email + "\r\n");
            }
            out.write("\r\n");
        }
        System.out.printf("wrote %s: %d accounts, %d contacts (%.1f MB)%n", dir, orgs, contacts,
                Files.size(dir.resolve("contacts.csv")) / 1e6);
    }

    static void run(String url, String email, String token, Path dir) throws Exception {
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("loopback only");
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
        long me = number(send(url + "/api/v2/users/me", auth, null, null), "id");
        String groups = send(url + "/api/v2/groups", auth, null, null);
        Matcher manager = Pattern.compile("\"id\":(\\d+),[^}]*\"name\":\"Support Managers\"").matcher(groups);
        if (!manager.find()) {
            throw new IllegalStateException("no Support Managers group: " + groups);
        }
        send(url + "/api/v2/group_memberships", auth, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"group_membership\":{\"user_id\":" + me + ",\"group_id\":" + manager.group(1) + "}}"));
        System.out.println("| run | file | rows | created | updated | unchanged | rejected | seconds |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (String run : new String[] {"first", "second (same files)"}) {
            for (String kind : new String[] {"accounts", "contacts"}) {
                Path file = dir.resolve(kind + ".csv");
                long started = System.nanoTime();
                String report = send(url + "/api/v2/imports/crm?kind=" + kind + "&file_name=" + kind + ".csv", auth, "text/csv",
                        HttpRequest.BodyPublishers.ofFile(file));
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("| %s | %s | %d | %d | %d | %d | %d | %.2f |%n", run, kind, number(report, "rows"), number(report, "created"),
                        number(report, "updated"), number(report, "unchanged"), number(report, "rejected_count"), seconds);
            }
        }
    }

    static String send(String url, String auth, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(10));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", contentType).POST(body);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
