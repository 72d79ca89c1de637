// libsentencepiece (Debian) encodes every NUL-separated text of stdin, one line of ids per text (BOS and EOS).
#include <sentencepiece_processor.h>
#include <iostream>
#include <string>
#include <vector>
int main(int argc, char **argv) {
    sentencepiece::SentencePieceProcessor sp;
    if (!sp.Load(argv[1]).ok() || !sp.SetEncodeExtraOptions("bos:eos").ok()) return 1;
    std::string text;
    while (std::getline(std::cin, text, '\0')) {
        std::vector<int> ids;
        sp.Encode(text, &ids);
        for (size_t i = 0; i < ids.size(); i++) std::cout << (i ? " " : "") << ids[i];
        std::cout << "\n";
    }
}
