// Encodes every NUL-separated text of stdin with Lotse's UnigramTokenizer and prints one line of ids per text, as
// library.cpp does with libsentencepiece (compare.sh builds both and compares output and CPU time).
import Foundation

let tokenizer = try UnigramTokenizer(modelPath: CommandLine.arguments[1])
var texts = FileHandle.standardInput.readDataToEndOfFile().split(separator: 0, omittingEmptySubsequences: false)
if texts.last?.isEmpty == true { texts.removeLast() }
var output = ""
for text in texts { output += tokenizer.encode(String(decoding: text, as: UTF8.self)).map(String.init).joined(separator: " ") + "\n" }
print(output, terminator: "")
