import Foundation
import LotseTestSupport
import LotseTickets
import Testing

@Suite("Attachments")
struct AttachmentTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16]
    static let pdf = Array("%PDF-1.7\n%äöü\n".utf8)
    static let text = Array("Fehlermeldung: Größe überschritten\r\n".utf8)

    @Test("types come from the first bytes, not from the name or the declared type",
          arguments: [(png, "image/png"), (jpeg, "image/jpeg"), (pdf, "application/pdf"), (text, "text/plain")])
    func detectsTypes(_ bytes: [UInt8], _ type: String) {
        #expect(AttachmentPolicy().check(name: "datei.exe", data: bytes) == .success(type))
    }

    @Test("executables, archives, binary data and invalid UTF-8 are refused")
    func refusesOtherTypes() {
        let policy = AttachmentPolicy()
        for bytes: [UInt8] in [
            [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], [0x50, 0x4B, 0x03, 0x04, 0x14, 0], [0x4D, 0x5A, 0x90, 0], [0xC3, 0x28, 0x41],
            [0x41, 0x00, 0x42]
        ] {
            guard case .failure = policy.check(name: "bild.png", data: bytes) else {
                Issue.record("accepted \(bytes)")
                continue
            }
        }
    }

    static let gif = Array("GIF89a".utf8) + [1, 0, 1, 0]
    static let webp = Array("RIFF".utf8) + [36, 0, 0, 0] + Array("WEBPVP8 ".utf8)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0]
    static let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]
    static let email = Array("Received: from mx.beispiel.de\r\nFrom: Jana <jana@beispiel.de>\r\nSubject: Unzustellbar\r\n\r\nText".utf8)

    @Test("the types a help center promises can be switched on: GIF, WebP, ZIP, Outlook .msg and .eml",
          arguments: [(gif, "bild.gif", "image/gif"), (webp, "bild.webp", "image/webp"), (zip, "logs.zip", "application/zip"),
                      (compoundFile, "Unzustellbar.MSG", "application/vnd.ms-outlook"), (email, "bounce.eml", "message/rfc822"),
                      (email, "bounce.txt", "text/plain")])
    func optionalTypes(_ bytes: [UInt8], _ name: String, _ type: String) {
        var policy = AttachmentPolicy()
        #expect(policy.check(name: name, data: bytes) == (type == "text/plain" ? .success(type) : .failure(
            .typeNotAllowed(file: name, allowed: ["image/png", "image/jpeg", "application/pdf", "text/plain"]))), "off by default")
        policy.types = AttachmentPolicy.recognisedTypes
        #expect(policy.check(name: name, data: bytes) == .success(type))
        #expect(policy.problems().isEmpty)
    }

    @Test("a compound file that is not named .msg (a Word or Excel file, macros and all) is never accepted")
    func compoundFilesOnlyAsOutlookMessages() {
        var policy = AttachmentPolicy()
        policy.types = AttachmentPolicy.recognisedTypes
        for name in ["rechnung.doc", "tabelle.xls", "nachricht.msg.doc", "msg"] {
            #expect(policy.check(name: name, data: Self.compoundFile) != .success("application/vnd.ms-outlook"), "\(name)")
        }
    }

    @Test("limits and types that cannot work are refused at start")
    func policyProblems() {
        var policy = AttachmentPolicy()
        #expect(policy.problems().isEmpty)
        policy.maximumCount = 0
        policy.maximumBytes = 0
        policy.types = ["image/png", "application/x-msdownload"]
        let problems = policy.problems()
        #expect(problems.count == 3)
        #expect(problems.contains { $0.contains("--attachments-max-count") })
        #expect(problems.contains { $0.contains("--attachments-max-bytes") })
        #expect(problems.contains { $0.contains("application/x-msdownload") })
        policy = AttachmentPolicy()
        policy.types = []
        #expect(policy.problems().contains { $0.contains("--attachments-types") })
    }

    @Test("empty and too large files are refused with the file's name")
    func sizeLimits() {
        var policy = AttachmentPolicy()
        policy.maximumBytes = 10
        #expect(policy.check(name: "leer.txt", data: [UInt8]()) == .failure(.emptyFile("leer.txt")))
        #expect(
            policy.check(name: "groß.txt", data: [UInt8](repeating: 0x41, count: 11))
                == .failure(.tooLarge(file: "groß.txt", maximumBytes: 10)))
        #expect(policy.check(name: "klein.txt", data: [UInt8](repeating: 0x41, count: 10)) == .success("text/plain"))
    }

    @Test("a text file cut inside a multi-byte character at the sniff limit is still text")
    func textAcrossTheSniffLimit() {
        let bytes = [UInt8](repeating: 0x41, count: 8191) + Array("ü".utf8) + Array("Ende".utf8)
        #expect(AttachmentPolicy().check(name: "log.txt", data: bytes) == .success("text/plain"))
    }

    @Test("file names are reduced to a harmless last component",
          arguments: [("../../etc/passwd", "passwd"), ("..\\..\\Windows\\win.ini", "win.ini"), ("Rechnung März.pdf", "Rechnung März.pdf"),
                      (".htaccess", "htaccess"), ("", "anhang"), ("../", "anhang"), ("a\u{0}b<script>.png", "a_b_script_.png"),
            ("Größe\u{0308}.txt", "Größë.txt"), (String(repeating: "x", count: 300) + ".pdf", String(repeating: "x", count: 96) + ".pdf")
        ])
    func sanitisesNames(_ name: String, _ expected: String) {
        #expect(AttachmentName.sanitise(name) == expected)
    }

    @Test("a name ends as its checked type does: a page or a program sent as text opens as text",
          arguments: [("bericht.html", "text/plain", "bericht.html.txt"), ("fehler.log", "text/plain", "fehler.log"),
                      ("Liste.CSV", "text/plain", "Liste.CSV"), ("start.bat", "text/plain", "start.bat.txt"),
                      ("foto.JPG", "image/jpeg", "foto.JPG"), ("foto.svg", "image/png", "foto.svg.png"),
                      ("anhang", "application/pdf", "anhang.pdf"),
                      ("mail.eml", "message/rfc822", "mail.eml"), ("x.exe", "application/zip", "x.exe.zip")])
    func namesMatchTheirType(_ name: String, _ type: String, _ expected: String) {
        #expect(AttachmentName.matching(name, type: type) == expected)
    }

    @Test("saved files get random names inside the attachments folder, are flushed and removable")
    func savesFiles() async throws {
        let directory = try TemporaryDirectory(prefix: "lotse-attachments")
        let attachments = AttachmentDirectory(besideDatabase: directory.path("data/data.sqlite"))
        #expect(attachments.path == directory.path("data/attachments"))
        let first = try await attachments.save(Self.pdf)
        let second = try await attachments.save(Self.pdf)
        #expect(first != second)
        #expect(first.range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil)
        #expect(try directory.read("data/attachments/\(first)") == Data(Self.pdf))
        await attachments.remove([first, "../data.sqlite"])
        #expect(try directory.contents(of: "data/attachments") == [second])
    }
}
