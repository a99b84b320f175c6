import ArgumentParser
import Reporting
import Validators

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
