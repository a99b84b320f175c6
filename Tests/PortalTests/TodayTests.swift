import Checking
import Foundation
import Testing

/// The date waivers expire against, read from the C library's calendar: what a `DateFormatter`
/// says of the same day in the same time zone.
@Suite struct TodayTests {
    @Test func todayIsTheFormattersDay() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let before = formatter.string(from: Date())
        let today = CheckRun.today()
        let after = formatter.string(from: Date())
        // Around midnight the day may turn between the two readings.
        #expect(today == before || today == after, "\(today) vs \(before)")
        #expect(today.count == 10)
    }
}
