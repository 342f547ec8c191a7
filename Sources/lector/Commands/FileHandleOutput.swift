import Foundation

enum FileHandleOutput {
    static func standardError(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }

    static func standardOutput(_ string: String) {
        FileHandle.standardOutput.write(Data(string.utf8))
    }
}
