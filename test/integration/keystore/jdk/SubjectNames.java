// Prints, for each certificate file given, the JDK's RFC 2253 name of its subject: the name Java
// keystores give certificate entries. An oracle for src/keystore/jdkName.ts (run: java SubjectNames.java FILE...).
import java.io.FileInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

public class SubjectNames {
    public static void main(String[] files) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8.name());
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String file : files) {
            try (FileInputStream in = new FileInputStream(file)) {
                X509Certificate certificate = (X509Certificate) factory.generateCertificate(in);
                out.println(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
            }
        }
    }
}
