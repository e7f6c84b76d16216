// Prints every safe and bag of a PKCS#12 file with BouncyCastle's ASN.1 classes and the JDK's
// ciphers, independently of the project's reader: bag type, attributes and value in hex, with
// shrouded keys (and JDK secret keys) decrypted and encrypted safes opened, nested bags indented.
// Two files whose dumps are equal hold the same content. Usage: java -cp bcprov.jar DumpBags.java FILE (password on stdin).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.util.encoders.Hex;

public class DumpBags {
  static char[] password;

  public static void main(String[] args) throws Exception {
    password = new BufferedReader(new InputStreamReader(System.in)).readLine().toCharArray();
    Pfx pfx = Pfx.getInstance(Files.readAllBytes(Path.of(args[0])));
    byte[] authSafe = ASN1OctetString.getInstance(pfx.getAuthSafe().getContent()).getOctets();
    for (ContentInfo info : AuthenticatedSafe.getInstance(authSafe).getContentInfo()) {
      if (info.getContentType().equals(PKCSObjectIdentifiers.data)) {
        System.out.println("clear safe");
        bags(ASN1OctetString.getInstance(info.getContent()).getOctets(), "  ");
      } else if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
        EncryptedData data = EncryptedData.getInstance(info.getContent());
        System.out.println("encrypted safe");
        bags(decrypt(data.getEncryptionAlgorithm(), data.getContent().getOctets()), "  ");
      } else {
        System.out.println("safe " + info.getContentType());
      }
    }
  }

  static void bags(byte[] safeContents, String indent) throws Exception {
    for (ASN1Encodable element : ASN1Sequence.getInstance(safeContents)) {
      SafeBag bag = SafeBag.getInstance(element);
      ASN1ObjectIdentifier type = bag.getBagId();
      String attributes = bag.getBagAttributes() == null ? "none" : Hex.toHexString(bag.getBagAttributes().getEncoded("DER"));
      System.out.println(indent + "bag " + type + " attributes " + attributes);
      ASN1Encodable value = bag.getBagValue();
      if (type.equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
        System.out.println(indent + "  key " + Hex.toHexString(decrypt(EncryptedPrivateKeyInfo.getInstance(value))));
      } else if (type.equals(PKCSObjectIdentifiers.safeContentsBag)) {
        bags(value.toASN1Primitive().getEncoded(), indent + "  ");
      } else if (type.equals(PKCSObjectIdentifiers.secretBag)
          && ASN1Sequence.getInstance(value).getObjectAt(0).equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
        // The JDK's secret keys: SecretBag { pkcs8ShroudedKeyBag, [0] OCTET STRING (EncryptedPrivateKeyInfo) }.
        ASN1TaggedObject secret = ASN1TaggedObject.getInstance(ASN1Sequence.getInstance(value).getObjectAt(1));
        byte[] shrouded = ASN1OctetString.getInstance(secret.getExplicitBaseObject()).getOctets();
        System.out.println(indent + "  secret " + Hex.toHexString(decrypt(EncryptedPrivateKeyInfo.getInstance(shrouded))));
      } else {
        System.out.println(indent + "  value " + Hex.toHexString(value.toASN1Primitive().getEncoded("DER")));
      }
    }
  }

  static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] data) throws Exception {
    return decrypt(new EncryptedPrivateKeyInfo(algorithm, data));
  }

  /** The JDK's own decryption of PKCS#12 PBE and PBES2, as its PKCS12KeyStore does it. */
  static byte[] decrypt(EncryptedPrivateKeyInfo info) throws Exception {
    javax.crypto.EncryptedPrivateKeyInfo jce = new javax.crypto.EncryptedPrivateKeyInfo(info.getEncoded("DER"));
    String name = jce.getAlgParameters().toString();
    if (!name.startsWith("PBEWith")) name = jce.getAlgName();
    Cipher cipher = Cipher.getInstance(name);
    cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(name).generateSecret(new PBEKeySpec(password)), jce.getAlgParameters());
    return cipher.doFinal(jce.getEncryptedData());
  }
}
